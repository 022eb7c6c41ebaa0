package esign

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"time"
	"unicode/utf16"
)

// Options are what a signature says besides the certificate.
type Options struct {
	// Name, Reason and Location fill the signature dictionary (/Name, /Reason, /Location).
	Name, Reason, Location string
	// Time is the signing time (/M).
	Time time.Time
	// Block is a one-page PDF drawn as the visible signature block at the bottom right of
	// the last page; no visible block when nil.
	Block []byte
}

// contentsSize is the room kept for the CMS signature, in bytes.
const contentsSize = 12 << 10

// MaxSize is the largest PDF that Sign accepts.
const MaxSize = 50 << 20

// Sign returns the PDF in with a PAdES baseline signature of s appended as an
// incremental update: the bytes of in are kept unchanged at the start of the output.
// It answers ErrNotPDF for anything it cannot read as a PDF and ErrEncrypted for an
// encrypted one.
func Sign(in []byte, s Signer, o Options) ([]byte, error) {
	if len(in) > MaxSize {
		return nil, ErrNotPDF
	}
	if len(s.Chain) == 0 || s.Key == nil {
		return nil, fmt.Errorf("esign: no certificate")
	}
	d, err := readDocument(in)
	if err != nil {
		return nil, err
	}
	u := &update{doc: d, next: d.size}
	catObj, err := d.object(d.root.num)
	cat, ok := catObj.(*pdfDict)
	if err != nil || !ok {
		return nil, ErrNotPDF
	}
	pageRef, page, box, err := d.lastPage(cat)
	if err != nil {
		return nil, ErrNotPDF
	}
	sigNum, fieldNum := u.alloc(), u.alloc()
	rect := pdfArray{pdfRaw("0"), pdfRaw("0"), pdfRaw("0"), pdfRaw("0")}
	field := newDict()
	field.set("Type", pdfName("Annot"))
	field.set("Subtype", pdfName("Widget"))
	field.set("FT", pdfName("Sig"))
	field.set("T", textString(fmt.Sprintf("Chu ky %d", sigNum)))
	field.set("V", pdfRef{sigNum, 0})
	field.set("F", pdfRaw("132"))
	field.set("P", pageRef)
	if o.Block != nil {
		apNum, w, h, err := u.importBlock(o.Block)
		if err != nil {
			return nil, err
		}
		x1, y1 := box[2]-20, box[1]+20
		rect = pdfArray{num(x1 - w), num(y1), num(x1), num(y1 + h)}
		ap := newDict()
		ap.set("N", pdfRef{apNum, 0})
		field.set("AP", ap)
	}
	field.set("Rect", rect)
	u.put(fieldNum, field)

	// The page lists the widget among its annotations.
	annots, err := d.resolve(page.get("Annots"))
	if err != nil {
		return nil, ErrNotPDF
	}
	list, _ := annots.(pdfArray)
	list = append(list[:len(list):len(list)], pdfRef{fieldNum, 0})
	if r, ok := page.get("Annots").(pdfRef); ok {
		u.put(r.num, list)
	} else {
		page.set("Annots", list)
		u.put(pageRef.num, page)
	}
	// The catalogue's interactive form lists the field and says the file is signed.
	formObj, err := d.resolve(cat.get("AcroForm"))
	if err != nil {
		return nil, ErrNotPDF
	}
	form, ok := formObj.(*pdfDict)
	if !ok {
		form = newDict()
	}
	fieldsObj, err := d.resolve(form.get("Fields"))
	if err != nil {
		return nil, ErrNotPDF
	}
	fields, _ := fieldsObj.(pdfArray)
	form.set("Fields", append(fields[:len(fields):len(fields)], pdfRef{fieldNum, 0}))
	form.set("SigFlags", pdfRaw("3"))
	if r, ok := cat.get("AcroForm").(pdfRef); ok {
		u.put(r.num, form)
	} else {
		cat.set("AcroForm", form)
		u.put(d.root.num, cat)
	}
	return u.finish(sigNum, s, o)
}

// num writes a coordinate.
func num(f float64) pdfRaw { return pdfRaw(strconv.FormatFloat(f, 'f', 2, 64)) }

// textString encodes a text string as UTF-16BE with its byte-order mark.
func textString(s string) pdfRaw {
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, r := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", r)
	}
	b.WriteByte('>')
	return pdfRaw(b.String())
}

// pdfDate formats an instant as a PDF date.
func pdfDate(t time.Time) pdfRaw {
	_, off := t.Zone()
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return pdfRaw(fmt.Sprintf("(D:%s%c%02d'%02d')", t.Format("20060102150405"), sign, off/3600, off%3600/60))
}

// lastPage walks the page tree to its last page and returns its reference, its
// dictionary and its media box (inherited when the page has none).
func (d *document) lastPage(cat *pdfDict) (pdfRef, *pdfDict, [4]float64, error) {
	var box [4]float64
	haveBox := false
	node := cat.get("Pages")
	for depth := 0; depth < 64; depth++ {
		ref, ok := node.(pdfRef)
		if !ok {
			return pdfRef{}, nil, box, errSyntax
		}
		o, err := d.object(ref.num)
		dict, ok := o.(*pdfDict)
		if err != nil || !ok {
			return pdfRef{}, nil, box, errSyntax
		}
		if mb, err := d.resolve(dict.get("MediaBox")); err == nil {
			if a, ok := mb.(pdfArray); ok && len(a) == 4 {
				for i := range a {
					v, _ := d.resolve(a[i])
					box[i], _ = strconv.ParseFloat(rawOf(v), 64)
				}
				haveBox = true
			}
		}
		kidsObj, err := d.resolve(dict.get("Kids"))
		if err != nil {
			return pdfRef{}, nil, box, err
		}
		kids, _ := kidsObj.(pdfArray)
		if dict.get("Type") == pdfName("Page") || len(kids) == 0 {
			if dict.get("Type") != pdfName("Page") {
				return pdfRef{}, nil, box, errSyntax
			}
			if !haveBox {
				box = [4]float64{0, 0, 595.28, 841.89}
			}
			return ref, dict, box, nil
		}
		node = kids[len(kids)-1]
	}
	return pdfRef{}, nil, box, errSyntax
}

// update collects the objects of the incremental update.
type update struct {
	doc  *document
	next int
	nums []int
	objs map[int][]byte
}

func (u *update) alloc() int {
	n := u.next
	u.next++
	return n
}

// put sets object n to o.
func (u *update) put(n int, o any) {
	var b bytes.Buffer
	write(&b, o)
	u.putRaw(n, b.Bytes())
}

func (u *update) putRaw(n int, body []byte) {
	if u.objs == nil {
		u.objs = map[int][]byte{}
	}
	if _, ok := u.objs[n]; !ok {
		u.nums = append(u.nums, n)
	}
	u.objs[n] = body
}

// finish writes the update with the signature dictionary sigNum, then fills in the byte
// range and the CMS signature over it.
func (u *update) finish(sigNum int, s Signer, o Options) ([]byte, error) {
	const brHolder = "/ByteRange [0 0000000000 0000000000 0000000000]"
	sig := fmt.Sprintf("<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached %s /Contents <%s> /M %s",
		brHolder, bytes.Repeat([]byte("0"), 2*contentsSize), pdfDate(o.Time))
	var sb bytes.Buffer
	sb.WriteString(sig)
	for _, kv := range [][2]string{{"Name", o.Name}, {"Reason", o.Reason}, {"Location", o.Location}} {
		if kv[1] != "" {
			sb.WriteString(" /" + kv[0] + " " + string(textString(kv[1])))
		}
	}
	sb.WriteString(" >>")
	u.putRaw(sigNum, sb.Bytes())

	out := bytes.NewBuffer(make([]byte, 0, len(u.doc.b)+contentsSize*3))
	out.Write(u.doc.b)
	if !bytes.HasSuffix(u.doc.b, []byte("\n")) {
		out.WriteByte('\n')
	}
	offsets := map[int]int{}
	for _, n := range u.nums {
		offsets[n] = out.Len()
		fmt.Fprintf(out, "%d 0 obj\n", n)
		out.Write(u.objs[n])
		out.WriteString("\nendobj\n")
	}
	xref := out.Len()
	out.WriteString("xref\n")
	sorted := slices.Sorted(slices.Values(u.nums))
	for i := 0; i < len(sorted); {
		j := i
		for j+1 < len(sorted) && sorted[j+1] == sorted[j]+1 {
			j++
		}
		fmt.Fprintf(out, "%d %d\n", sorted[i], j-i+1)
		for k := i; k <= j; k++ {
			fmt.Fprintf(out, "%010d 00000 n\r\n", offsets[sorted[k]])
		}
		i = j + 1
	}
	tr := newDict()
	tr.set("Size", pdfRaw(strconv.Itoa(u.next)))
	tr.set("Root", u.doc.root)
	tr.set("Prev", pdfRaw(strconv.Itoa(u.doc.startxref)))
	for _, k := range []string{"Info", "ID"} {
		if v := u.doc.trailer.get(k); v != nil {
			tr.set(k, v)
		}
	}
	out.WriteString("trailer\n")
	write(out, tr)
	fmt.Fprintf(out, "\nstartxref\n%d\n%%%%EOF\n", xref)

	b := out.Bytes()
	so := offsets[sigNum]
	br := so + bytes.Index(b[so:], []byte(brHolder))
	cs := so + bytes.Index(b[so:], []byte("/Contents <")) + len("/Contents ")
	ce := cs + 2*contentsSize + 2
	ranges := fmt.Sprintf("/ByteRange [0 %d %d %d]", cs, ce, len(b)-ce)
	if len(ranges) > len(brHolder) {
		return nil, fmt.Errorf("esign: byte range too long")
	}
	copy(b[br:], ranges+string(bytes.Repeat([]byte(" "), len(brHolder)-len(ranges))))
	h := sha256.New()
	h.Write(b[:cs])
	h.Write(b[ce:])
	cms, err := signedData(s, h.Sum(nil))
	if err != nil {
		return nil, err
	}
	if len(cms) > contentsSize {
		return nil, fmt.Errorf("esign: signature of %d bytes does not fit", len(cms))
	}
	hex.Encode(b[cs+1:], cms)
	return b, nil
}

// CheckPDF answers ErrNotPDF or ErrEncrypted for a document that Sign would refuse, nil
// for one it can sign.
func CheckPDF(b []byte) error {
	if len(b) > MaxSize {
		return ErrNotPDF
	}
	d, err := readDocument(b)
	if err != nil {
		return err
	}
	cat, err := d.object(d.root.num)
	dict, ok := cat.(*pdfDict)
	if err != nil || !ok {
		return ErrNotPDF
	}
	if _, _, _, err := d.lastPage(dict); err != nil {
		return ErrNotPDF
	}
	return nil
}
