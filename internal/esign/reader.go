package esign

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"

	"motcua/internal/fault"
)

// ErrNotPDF answers a file that is not a readable PDF document.
var ErrNotPDF = fault.New(fault.Invalid, "Tệp kết quả phải là tài liệu PDF hợp lệ.")

// ErrEncrypted answers a PDF protected by a password or encryption, which cannot be signed.
var ErrEncrypted = fault.New(fault.Invalid, "Tệp PDF đang được đặt mật khẩu hoặc mã hóa; vui lòng dùng bản không mã hóa.")

// document is the part of a PDF that signing reads: the trailer of its last update and
// where each object is.
type document struct {
	b         []byte
	trailer   *pdfDict
	root      pdfRef
	size      int
	startxref int
	offsets   map[int]int // object number → offset of "n g obj"
	inStream  map[int]streamed
	scanned   bool
}

// streamed is an object kept in an object stream (ObjStm).
type streamed struct {
	stmOffset int
	obj       any
}

var objHeader = regexp.MustCompile(`(\d+)[ \t\r\n]+(\d+)[ \t\r\n]+obj\b`)

// readDocument reads the trailer and the object index of a PDF: ErrNotPDF when it is
// not one, ErrEncrypted when it is encrypted.
func readDocument(b []byte) (*document, error) {
	head := b[:min(len(b), 1024)]
	if !bytes.Contains(head, []byte("%PDF-")) {
		return nil, ErrNotPDF
	}
	i := bytes.LastIndex(b, []byte("startxref"))
	if i < 0 {
		return nil, ErrNotPDF
	}
	l := &lexer{b: b, pos: i + len("startxref")}
	l.skip()
	sx, err := strconv.Atoi(l.word())
	if err != nil || sx <= 0 || sx >= len(b) {
		return nil, ErrNotPDF
	}
	d := &document{b: b, startxref: sx, offsets: map[int]int{}}
	d.index()
	var tr any
	if bytes.HasPrefix(b[sx:], []byte("xref")) {
		t := bytes.Index(b[sx:], []byte("trailer"))
		if t < 0 {
			return nil, ErrNotPDF
		}
		tr, err = parseObject(b[sx+t+len("trailer"):])
	} else {
		tr, err = d.objectAt(sx)
	}
	dict, ok := tr.(*pdfDict)
	if err != nil || !ok {
		return nil, ErrNotPDF
	}
	if dict.get("Encrypt") != nil {
		return nil, ErrEncrypted
	}
	root, ok := dict.get("Root").(pdfRef)
	size, serr := strconv.Atoi(rawOf(dict.get("Size")))
	if !ok || serr != nil || size <= 0 {
		return nil, ErrNotPDF
	}
	d.trailer, d.root, d.size = dict, root, size
	return d, nil
}

func rawOf(o any) string {
	if r, ok := o.(pdfRaw); ok {
		return string(r)
	}
	return ""
}

// index finds every "n g obj" outside the streams, the last one of a number winning as
// in an incremental update.
func (d *document) index() {
	skipUntil := 0
	for _, m := range objHeader.FindAllSubmatchIndex(d.b, -1) {
		if m[0] < skipUntil || (m[0] > 0 && !isSpace(d.b[m[0]-1]) && !isDelim(d.b[m[0]-1])) {
			continue
		}
		num, err := strconv.Atoi(string(d.b[m[2]:m[3]]))
		if err != nil {
			continue
		}
		d.offsets[num] = m[0]
		if e := bytes.Index(d.b[m[1]:], []byte("endobj")); e >= 0 {
			skipUntil = m[1] + e
		}
	}
}

// objectAt parses the object whose header "n g obj" is at off.
func (d *document) objectAt(off int) (any, error) {
	m := objHeader.FindIndex(d.b[off:min(len(d.b), off+64)])
	if m == nil || m[0] != 0 {
		return nil, errSyntax
	}
	return parseObject(d.b[off+m[1]:])
}

// object returns object num, from the file or from an object stream.
func (d *document) object(num int) (any, error) {
	off, plain := d.offsets[num]
	if !d.scanned {
		d.scanStreams()
	}
	if s, ok := d.inStream[num]; ok && (!plain || s.stmOffset > off) {
		return s.obj, nil
	}
	if !plain {
		return nil, errSyntax
	}
	return d.objectAt(off)
}

// resolve follows a reference.
func (d *document) resolve(o any) (any, error) {
	if r, ok := o.(pdfRef); ok {
		return d.object(r.num)
	}
	return o, nil
}

// stream returns the dictionary and the raw (still encoded) data of the stream object num.
func (d *document) stream(num int) (*pdfDict, []byte, error) {
	off, ok := d.offsets[num]
	if !ok {
		return nil, nil, errSyntax
	}
	m := objHeader.FindIndex(d.b[off:min(len(d.b), off+64)])
	if m == nil {
		return nil, nil, errSyntax
	}
	l := &lexer{b: d.b, pos: off + m[1]}
	o, err := l.object(0)
	dict, ok := o.(*pdfDict)
	if err != nil || !ok {
		return nil, nil, errSyntax
	}
	l.skip()
	if !bytes.HasPrefix(d.b[l.pos:], []byte("stream")) {
		return nil, nil, errSyntax
	}
	start := l.pos + len("stream")
	if start < len(d.b) && d.b[start] == '\r' {
		start++
	}
	if start < len(d.b) && d.b[start] == '\n' {
		start++
	}
	lo, err := d.resolve(dict.get("Length"))
	if err != nil {
		return nil, nil, err
	}
	n, err := strconv.Atoi(rawOf(lo))
	if err != nil || n < 0 || start+n > len(d.b) {
		return nil, nil, errSyntax
	}
	return dict, d.b[start : start+n], nil
}

// scanStreams reads the objects kept in object streams (PDF 1.5 compression).
func (d *document) scanStreams() {
	d.scanned, d.inStream = true, map[int]streamed{}
	for num, off := range d.offsets {
		o, err := d.objectAt(off)
		dict, ok := o.(*pdfDict)
		if err != nil || !ok || dict.get("Type") != pdfName("ObjStm") {
			continue
		}
		_, data, err := d.stream(num)
		if err != nil || dict.get("Filter") != pdfName("FlateDecode") {
			continue
		}
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			continue
		}
		plain, err := io.ReadAll(io.LimitReader(zr, 64<<20))
		if err != nil && len(plain) == 0 {
			continue
		}
		n, _ := strconv.Atoi(rawOf(dict.get("N")))
		first, _ := strconv.Atoi(rawOf(dict.get("First")))
		if first <= 0 || first > len(plain) {
			continue
		}
		l := &lexer{b: plain[:first]}
		for range n {
			l.skip()
			on, err1 := strconv.Atoi(l.word())
			l.skip()
			rel, err2 := strconv.Atoi(l.word())
			if err1 != nil || err2 != nil || first+rel >= len(plain) {
				break
			}
			if v, err := parseObject(plain[first+rel:]); err == nil {
				d.inStream[on] = streamed{stmOffset: off, obj: v}
			}
		}
	}
}
