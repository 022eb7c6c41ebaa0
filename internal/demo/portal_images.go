package demo

import (
	"image"
	"image/color"

	"motcua/internal/picture"
)

// slideScene describes a generated banner: a two-colour gradient with soft shapes and no
// text (the caption is HTML beside it, readable and translatable). The images are drawn
// by this code and belong to the project, under the project's licence.
type slideScene struct {
	from, to       color.RGBA
	shape          color.RGBA
	alt, caption   string
	link           string
	circles, hills bool
}

var slideScenes = []slideScene{
	{from: color.RGBA{0x0b, 0x4f, 0x8a, 255}, to: color.RGBA{0x2f, 0x9e, 0x8f, 255}, shape: color.RGBA{255, 255, 255, 60},
		alt:     "Hình minh họa: dải màu xanh với các vòng tròn, tượng trưng cho dịch vụ công thông suốt",
		caption: "Nộp hồ sơ trực tuyến, theo dõi tiến độ mọi lúc mọi nơi", link: "/thu-tuc", circles: true},
	{from: color.RGBA{0x8a, 0x1c, 0x1c, 255}, to: color.RGBA{0xd9, 0x8b, 0x1e, 255}, shape: color.RGBA{255, 240, 200, 70},
		alt:     "Hình minh họa: dải màu đỏ cam với dãy đồi, tượng trưng cho thị trấn Tân Hòa",
		caption: "Tân Hòa hai năm liền dẫn đầu về cải cách hành chính", link: "/tin/tan-hoa-hai-nam-lien-dan-dau-cai-cach-hanh-chinh", hills: true},
	{from: color.RGBA{0x1d, 0x5c, 0x2e, 255}, to: color.RGBA{0x7a, 0xb3, 0x3e, 255}, shape: color.RGBA{255, 255, 255, 55},
		alt:     "Hình minh họa: dải màu xanh lá với vòng tròn và đồi, tượng trưng cho sự hài lòng của người dân",
		caption: "Tra cứu hồ sơ bằng mã trên giấy tiếp nhận", link: "/tra-cuu", circles: true, hills: true},
}

// slideImage draws a scene at 1200 × 450 and encodes its variants.
func slideImage(sc slideScene) ([]picture.Variant, error) {
	const w, h = 1200, 450
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	mix := func(a, b uint8, t float64) uint8 { return uint8(float64(a)*(1-t) + float64(b)*t) }
	al := float64(sc.shape.A) / 255
	over := func(x, y int, c color.RGBA) {
		p := img.Pix[y*img.Stride+x*4 : y*img.Stride+x*4+3 : y*img.Stride+x*4+3]
		p[0], p[1], p[2] = mix(p[0], c.R, al), mix(p[1], c.G, al), mix(p[2], c.B, al)
	}
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+w*4]
		for x := 0; x < w; x++ {
			t := (float64(x)/w + float64(y)/h) / 2
			row[x*4], row[x*4+1], row[x*4+2], row[x*4+3] = mix(sc.from.R, sc.to.R, t), mix(sc.from.G, sc.to.G, t), mix(sc.from.B, sc.to.B, t), 255
		}
	}
	if sc.circles {
		for _, c := range [][3]int{{900, 120, 90}, {1050, 300, 140}, {200, 380, 60}, {650, 60, 40}} {
			for y := max(0, c[1]-c[2]); y < min(h, c[1]+c[2]); y++ {
				for x := max(0, c[0]-c[2]); x < min(w, c[0]+c[2]); x++ {
					if dx, dy := x-c[0], y-c[1]; dx*dx+dy*dy <= c[2]*c[2] {
						over(x, y, sc.shape)
					}
				}
			}
		}
	}
	if sc.hills {
		for x := 0; x < w; x++ {
			// Two overlapping parabolic hills along the bottom edge.
			for _, hill := range [][3]int{{300, 330, 420}, {850, 300, 500}} {
				dx := float64(x - hill[0])
				top := float64(hill[1]) + dx*dx/float64(hill[2])
				for y := int(top); y < h; y++ {
					if y >= 0 {
						over(x, y, sc.shape)
					}
				}
			}
		}
	}
	return picture.EncodeQuick(img)
}
