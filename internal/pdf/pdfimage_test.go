package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/color"
	"io"
	"regexp"
	"slices"
	"strconv"
)

// This file reads the images back out of a PDF written by fpdf, with the standard
// library only, so that tests can check what a printer would print rather than the PNG
// handed to fpdf. fpdf embeds a PNG by copying its IDAT data unchanged: a /FlateDecode
// stream with PNG predictors (/DecodeParms <</Predictor 15 …>>); a palette PNG becomes an
// /Indexed colour space whose palette is a separate stream object.

var (
	// objHeader finds "N 0 obj" at the start of a line.
	objHeader = regexp.MustCompile(`(?m)^(\d+) 0 obj\s*`)
	// decodeParms is the nested predictor dictionary of an image.
	decodeParms = regexp.MustCompile(`/DecodeParms\s*<<([^>]*)>>`)
	// indexedSpace is fpdf's palette colour space with its palette object.
	indexedSpace = regexp.MustCompile(`/ColorSpace\s*\[\s*/Indexed\s*/DeviceRGB\s+(\d+)\s+(\d+)\s+0\s+R\s*\]`)
	deviceSpace  = regexp.MustCompile(`/ColorSpace\s*/(DeviceGray|DeviceRGB)\b`)
	imageType    = regexp.MustCompile(`/Subtype\s*/Image\b`)
	flateFilter  = regexp.MustCompile(`/Filter\s*/FlateDecode\b`)
)

// pdfObject is one indirect object: its dictionary text and, for a stream, its raw
// (still encoded) data.
type pdfObject struct {
	dict   string
	stream []byte
}

// pdfObjects indexes the objects of a PDF by number. Streams are cut by their direct
// /Length, as fpdf writes them.
func pdfObjects(data []byte) (map[int]pdfObject, error) {
	objs := map[int]pdfObject{}
	for _, m := range objHeader.FindAllSubmatchIndex(data, -1) {
		n, err := strconv.Atoi(string(data[m[2]:m[3]]))
		if err != nil {
			return nil, err
		}
		if _, seen := objs[n]; seen {
			continue // keep the first: fpdf numbers each object once
		}
		rest := data[m[1]:]
		end := bytes.Index(rest, []byte("endobj"))
		if end < 0 {
			return nil, fmt.Errorf("object %d: no endobj", n)
		}
		head := rest[:end]
		s := bytes.Index(head, []byte("stream"))
		if s < 0 {
			objs[n] = pdfObject{dict: string(head)}
			continue
		}
		dict := string(head[:s])
		length, ok := dictInt(dict, "Length")
		if !ok {
			return nil, fmt.Errorf("object %d: no direct /Length", n)
		}
		start := s + len("stream")
		if start < len(rest) && rest[start] == '\r' {
			start++
		}
		if start < len(rest) && rest[start] == '\n' {
			start++
		}
		if start+length > len(rest) {
			return nil, fmt.Errorf("object %d: stream of %d bytes runs past the file", n, length)
		}
		objs[n] = pdfObject{dict: dict, stream: rest[start : start+length]}
	}
	return objs, nil
}

// dictInt reads "/key N" from a dictionary text.
func dictInt(dict, key string) (int, bool) {
	m := regexp.MustCompile(`/` + key + `\s+(\d+)\b`).FindStringSubmatch(dict)
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(m[1])
	return n, err == nil
}

// pdfImages decodes every image XObject of a PDF, in object order.
func pdfImages(data []byte) ([]image.Image, error) {
	objs, err := pdfObjects(data)
	if err != nil {
		return nil, err
	}
	nums := make([]int, 0, len(objs))
	for n, o := range objs {
		if imageType.MatchString(o.dict) {
			nums = append(nums, n)
		}
	}
	slices.Sort(nums)
	var imgs []image.Image
	for _, n := range nums {
		img, err := decodeImageObject(objs, objs[n])
		if err != nil {
			return nil, fmt.Errorf("image object %d: %w", n, err)
		}
		imgs = append(imgs, img)
	}
	return imgs, nil
}

// inflate undoes /FlateDecode when the dictionary names it.
func inflate(dict string, raw []byte) ([]byte, error) {
	if !flateFilter.MatchString(dict) {
		return raw, nil
	}
	zr, err := zlib.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(zr)
}

// decodeImageObject turns one fpdf image XObject into an image.
func decodeImageObject(objs map[int]pdfObject, o pdfObject) (image.Image, error) {
	params := ""
	if m := decodeParms.FindStringSubmatch(o.dict); m != nil {
		params = m[1]
	}
	outer := decodeParms.ReplaceAllString(o.dict, "")
	w, okW := dictInt(outer, "Width")
	h, okH := dictInt(outer, "Height")
	bpc, okB := dictInt(outer, "BitsPerComponent")
	if !okW || !okH || !okB || w <= 0 || h <= 0 {
		return nil, fmt.Errorf("missing /Width, /Height or /BitsPerComponent in %q", o.dict)
	}
	if bpc != 1 && bpc != 2 && bpc != 4 && bpc != 8 {
		return nil, fmt.Errorf("unsupported /BitsPerComponent %d", bpc)
	}
	var palette color.Palette
	colors := 1
	switch {
	case indexedSpace.MatchString(outer):
		m := indexedSpace.FindStringSubmatch(outer)
		hival, _ := strconv.Atoi(m[1])
		ref, _ := strconv.Atoi(m[2])
		po, ok := objs[ref]
		if !ok {
			return nil, fmt.Errorf("palette object %d not found", ref)
		}
		pal, err := inflate(po.dict, po.stream)
		if err != nil {
			return nil, fmt.Errorf("palette: %w", err)
		}
		if len(pal) < 3*(hival+1) {
			return nil, fmt.Errorf("palette: got %d bytes, want %d", len(pal), 3*(hival+1))
		}
		for i := 0; i <= hival; i++ {
			palette = append(palette, color.RGBA{pal[3*i], pal[3*i+1], pal[3*i+2], 0xff})
		}
	case deviceSpace.MatchString(outer):
		if deviceSpace.FindStringSubmatch(outer)[1] == "DeviceRGB" {
			colors = 3
		}
	default:
		return nil, fmt.Errorf("unsupported colour space in %q", o.dict)
	}
	raw, err := inflate(outer, o.stream)
	if err != nil {
		return nil, err
	}
	rowBytes := (w*colors*bpc + 7) / 8
	if p, ok := dictInt(params, "Predictor"); ok && p >= 10 {
		if c, ok := dictInt(params, "Colors"); !ok || c != colors {
			return nil, fmt.Errorf("/DecodeParms /Colors %d disagrees with the colour space (%d)", c, colors)
		}
		if cols, ok := dictInt(params, "Columns"); !ok || cols != w {
			return nil, fmt.Errorf("/DecodeParms /Columns %d disagrees with /Width %d", cols, w)
		}
		raw, err = unfilterPNG(raw, rowBytes, h, max(1, colors*bpc/8))
		if err != nil {
			return nil, err
		}
	} else if len(raw) < rowBytes*h {
		return nil, fmt.Errorf("got %d bytes of samples, want %d", len(raw), rowBytes*h)
	}
	return samplesToImage(raw, w, h, bpc, colors, palette)
}
