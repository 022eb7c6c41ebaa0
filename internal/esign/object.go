package esign

import (
	"bytes"
	"fmt"
	"strconv"
)

// A PDF object as this package reads it: a name, a reference, a dictionary, an array, or
// any other scalar kept as its raw text (numbers, strings, booleans, null), so that what
// is copied into the update is written back byte for byte.
type (
	pdfName string
	pdfRef  struct{ num, gen int }
	pdfRaw  string
	pdfDict struct {
		keys []string
		vals map[string]any
	}
	pdfArray []any
)

func newDict() *pdfDict { return &pdfDict{vals: map[string]any{}} }

func (d *pdfDict) get(k string) any { return d.vals[k] }

func (d *pdfDict) set(k string, v any) {
	if _, ok := d.vals[k]; !ok {
		d.keys = append(d.keys, k)
	}
	d.vals[k] = v
}

// write appends the object's PDF syntax to b.
func write(b *bytes.Buffer, o any) {
	switch v := o.(type) {
	case pdfName:
		b.WriteByte('/')
		b.WriteString(string(v))
	case pdfRef:
		fmt.Fprintf(b, "%d %d R", v.num, v.gen)
	case pdfRaw:
		b.WriteString(string(v))
	case *pdfDict:
		b.WriteString("<<")
		for _, k := range v.keys {
			b.WriteString(" /")
			b.WriteString(k)
			b.WriteByte(' ')
			write(b, v.vals[k])
		}
		b.WriteString(" >>")
	case pdfArray:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(' ')
			}
			write(b, e)
		}
		b.WriteByte(']')
	case nil:
		b.WriteString("null")
	default:
		panic(fmt.Sprintf("esign: cannot write %T", o))
	}
}

// lexer reads PDF tokens from a byte slice.
type lexer struct {
	b   []byte
	pos int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

func (l *lexer) skip() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isSpace(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// word reads a run of regular characters.
func (l *lexer) word() string {
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	return string(l.b[start:l.pos])
}

var errSyntax = fmt.Errorf("esign: PDF syntax error")

// object reads one object; depth limits nesting.
func (l *lexer) object(depth int) (any, error) {
	if depth > 64 {
		return nil, errSyntax
	}
	l.skip()
	if l.pos >= len(l.b) {
		return nil, errSyntax
	}
	switch c := l.b[l.pos]; {
	case c == '/':
		l.pos++
		return pdfName(l.word()), nil
	case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
		l.pos += 2
		d := newDict()
		for {
			l.skip()
			if l.pos+1 < len(l.b) && l.b[l.pos] == '>' && l.b[l.pos+1] == '>' {
				l.pos += 2
				return d, nil
			}
			k, err := l.object(depth + 1)
			if err != nil {
				return nil, err
			}
			name, ok := k.(pdfName)
			if !ok {
				return nil, errSyntax
			}
			v, err := l.object(depth + 1)
			if err != nil {
				return nil, err
			}
			d.set(string(name), v)
		}
	case c == '<':
		end := bytes.IndexByte(l.b[l.pos:], '>')
		if end < 0 {
			return nil, errSyntax
		}
		s := pdfRaw(l.b[l.pos : l.pos+end+1])
		l.pos += end + 1
		return s, nil
	case c == '(':
		start, n := l.pos, 0
		for l.pos < len(l.b) {
			switch l.b[l.pos] {
			case '\\':
				l.pos++
			case '(':
				n++
			case ')':
				n--
			}
			l.pos++
			if n == 0 {
				return pdfRaw(l.b[start:l.pos]), nil
			}
		}
		return nil, errSyntax
	case c == '[':
		l.pos++
		var a pdfArray
		for {
			l.skip()
			if l.pos < len(l.b) && l.b[l.pos] == ']' {
				l.pos++
				return a, nil
			}
			v, err := l.object(depth + 1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	case isDelim(c):
		return nil, errSyntax
	default:
		w := l.word()
		if w == "" {
			return nil, errSyntax
		}
		if n, err := strconv.Atoi(w); err == nil && n >= 0 {
			// "n g R" is a reference.
			save := l.pos
			l.skip()
			g := l.word()
			if gen, err := strconv.Atoi(g); err == nil && gen >= 0 {
				l.skip()
				if l.pos < len(l.b) && l.b[l.pos] == 'R' && (l.pos+1 == len(l.b) || isSpace(l.b[l.pos+1]) || isDelim(l.b[l.pos+1])) {
					l.pos++
					return pdfRef{n, gen}, nil
				}
			}
			l.pos = save
		}
		if w == "null" {
			return nil, nil
		}
		return pdfRaw(w), nil
	}
}

// parseObject parses one object from b.
func parseObject(b []byte) (any, error) {
	l := &lexer{b: b}
	return l.object(0)
}
