package esign

import (
	"bytes"
	"fmt"
	"strconv"
)

// importBlock copies the first page of the one-page PDF block into the update as a form
// XObject (the appearance of the signature widget) with the fonts and images it uses,
// and returns its object number and size in points.
func (u *update) importBlock(block []byte) (int, float64, float64, error) {
	bad := func() (int, float64, float64, error) { return 0, 0, 0, fmt.Errorf("esign: unreadable signature block") }
	src, err := readDocument(block)
	if err != nil {
		return bad()
	}
	catObj, err := src.object(src.root.num)
	cat, ok := catObj.(*pdfDict)
	if err != nil || !ok {
		return bad()
	}
	_, page, box, err := src.lastPage(cat)
	if err != nil {
		return bad()
	}
	cref, ok := page.get("Contents").(pdfRef)
	if !ok {
		return bad()
	}
	cdict, data, err := src.stream(cref.num)
	if err != nil {
		return bad()
	}
	c := &copier{src: src, u: u, nums: map[int]int{}}
	res, err := c.copyValue(page.get("Resources"))
	if err != nil {
		return bad()
	}
	w, h := box[2]-box[0], box[3]-box[1]
	x := newDict()
	x.set("Type", pdfName("XObject"))
	x.set("Subtype", pdfName("Form"))
	x.set("BBox", pdfArray{num(box[0]), num(box[1]), num(box[2]), num(box[3])})
	x.set("Resources", res)
	if f := cdict.get("Filter"); f != nil {
		x.set("Filter", f)
	}
	n := u.alloc()
	u.putRaw(n, streamBody(x, data))
	return n, w, h, nil
}

// streamBody writes a stream object's body with its length.
func streamBody(dict *pdfDict, data []byte) []byte {
	dict.set("Length", pdfRaw(strconv.Itoa(len(data))))
	var b bytes.Buffer
	write(&b, dict)
	b.WriteString("\nstream\n")
	b.Write(data)
	b.WriteString("\nendstream")
	return b.Bytes()
}

// copier copies objects of another PDF into the update under new numbers.
type copier struct {
	src  *document
	u    *update
	nums map[int]int
}

func (c *copier) copyValue(o any) (any, error) {
	switch v := o.(type) {
	case pdfRef:
		if n, ok := c.nums[v.num]; ok {
			return pdfRef{n, 0}, nil
		}
		n := c.u.alloc()
		c.nums[v.num] = n
		if dict, data, err := c.src.stream(v.num); err == nil {
			nd, err := c.copyValue(dict)
			if err != nil {
				return nil, err
			}
			c.u.putRaw(n, streamBody(nd.(*pdfDict), data))
			return pdfRef{n, 0}, nil
		}
		obj, err := c.src.object(v.num)
		if err != nil {
			return nil, err
		}
		nv, err := c.copyValue(obj)
		if err != nil {
			return nil, err
		}
		c.u.put(n, nv)
		return pdfRef{n, 0}, nil
	case *pdfDict:
		nd := newDict()
		for _, k := range v.keys {
			if k == "Length" {
				continue // written again with the data
			}
			nv, err := c.copyValue(v.vals[k])
			if err != nil {
				return nil, err
			}
			nd.set(k, nv)
		}
		return nd, nil
	case pdfArray:
		na := make(pdfArray, len(v))
		for i, e := range v {
			nv, err := c.copyValue(e)
			if err != nil {
				return nil, err
			}
			na[i] = nv
		}
		return na, nil
	}
	return o, nil
}
