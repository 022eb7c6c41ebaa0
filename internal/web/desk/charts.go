package desk

import (
	"fmt"
	"html"
	"html/template"
	"strings"
)

// bar is one bar of a chart: its label, its value and the text shown at its end.
type bar struct {
	Label string
	Value float64
	Text  string
}

// barChart draws a horizontal bar chart as inline SVG, accessible by its title and
// description (role="img", aria-labelledby); every page shows the same figures in a
// table beside it. Values are scaled to max (the largest value when max is 0).
func barChart(id, title, desc string, bars []bar, max float64) template.HTML {
	for _, b := range bars {
		if b.Value > max {
			max = b.Value
		}
	}
	const width, labelW, rowH = 640, 220, 26
	h := rowH*len(bars) + 10
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="chart" id="%s" role="img" aria-labelledby="%s-t %s-d" viewBox="0 0 %d %d" width="100%%" preserveAspectRatio="xMinYMin meet">`,
		id, id, id, width, h)
	fmt.Fprintf(&sb, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, id, html.EscapeString(title), id, html.EscapeString(desc))
	for i, b := range bars {
		y := 5 + i*rowH
		w := 0.0
		if max > 0 {
			w = (width - labelW - 90) * b.Value / max
		}
		label := []rune(b.Label)
		if len(label) > 30 {
			label = append(label[:29], '…')
		}
		fmt.Fprintf(&sb, `<text x="%d" y="%d" text-anchor="end" font-size="13">%s</text>`, labelW-6, y+17, html.EscapeString(string(label)))
		fmt.Fprintf(&sb, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="#1f5fa8"></rect>`, labelW, y+4, w, rowH-8)
		fmt.Fprintf(&sb, `<text x="%.1f" y="%d" font-size="13">%s</text>`, float64(labelW)+w+6, y+17, html.EscapeString(b.Text))
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

// columnChart draws a vertical bar chart (a trend) as inline SVG with title and
// description; bars without data are drawn as an empty outline.
func columnChart(id, title, desc string, bars []bar, max float64, missing []bool) template.HTML {
	const height, top, bottom = 220, 20, 40
	colW := 48
	width := colW*len(bars) + 20
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="chart" id="%s" role="img" aria-labelledby="%s-t %s-d" viewBox="0 0 %d %d" width="100%%" preserveAspectRatio="xMinYMin meet">`,
		id, id, id, width, height)
	fmt.Fprintf(&sb, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, id, html.EscapeString(title), id, html.EscapeString(desc))
	plot := float64(height - top - bottom)
	for i, b := range bars {
		x := 10 + i*colW
		hgt := 0.0
		if max > 0 {
			hgt = plot * b.Value / max
		}
		y := float64(height-bottom) - hgt
		if i < len(missing) && missing[i] {
			fmt.Fprintf(&sb, `<rect x="%d" y="%d" width="%d" height="2" fill="#999"></rect>`, x+6, height-bottom-2, colW-12)
		} else {
			fmt.Fprintf(&sb, `<rect x="%d" y="%.1f" width="%d" height="%.1f" fill="#2e7d32"></rect>`, x+6, y, colW-12, hgt)
		}
		fmt.Fprintf(&sb, `<text x="%d" y="%.1f" text-anchor="middle" font-size="11">%s</text>`, x+colW/2, y-4, html.EscapeString(b.Text))
		fmt.Fprintf(&sb, `<text x="%d" y="%d" text-anchor="middle" font-size="11">%s</text>`, x+colW/2, height-bottom+16, html.EscapeString(b.Label))
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}
