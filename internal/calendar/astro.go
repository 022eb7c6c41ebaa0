package calendar

import "math"

// This file holds the astronomy behind the lunar calendar, written from the published
// formulas of J. Meeus, "Astronomical Algorithms" (2nd ed., 1998): chapter 49 (phases of
// the Moon), chapter 25 (the Sun's apparent longitude, low accuracy) and the ΔT
// polynomials of Espenak and Meeus (NASA, 2006).

const (
	// synodicMonth is the mean length of a lunation in days.
	synodicMonth = 29.530588861
	// newMoonEpoch is the Julian Ephemeris Day of the mean new moon of lunation 0
	// (2000-01-06).
	newMoonEpoch = 2451550.09766
	// unixEpochJD is the Julian Day of 1970-01-01 00:00 UT.
	unixEpochJD = 2440587.5
	// tzDays is the UTC offset of Vietnam in days.
	tzDays = 7.0 / 24
	deg    = math.Pi / 180
)

// newMoonJDE returns the Julian Ephemeris Day (dynamical time) of the true new moon of
// lunation k, counted from the new moon of 2000-01-06.
func newMoonJDE(k int) float64 {
	// newMoonTerms are the periodic terms of the true new moon (Meeus table 49.A): the
	// coefficient, the power of E, and the multiples of M, M′, F and Ω in the argument.
	newMoonTerms := [...]struct {
		c              float64
		e              int
		m, mp, f, omeg float64
	}{
		{-0.40720, 0, 0, 1, 0, 0}, {0.17241, 1, 1, 0, 0, 0}, {0.01608, 0, 0, 2, 0, 0},
		{0.01039, 0, 0, 0, 2, 0}, {0.00739, 1, -1, 1, 0, 0}, {-0.00514, 1, 1, 1, 0, 0},
		{0.00208, 2, 2, 0, 0, 0}, {-0.00111, 0, 0, 1, -2, 0}, {-0.00057, 0, 0, 1, 2, 0},
		{0.00056, 1, 1, 2, 0, 0}, {-0.00042, 0, 0, 3, 0, 0}, {0.00042, 1, 1, 0, 2, 0},
		{0.00038, 1, 1, 0, -2, 0}, {-0.00024, 1, -1, 2, 0, 0}, {-0.00017, 0, 0, 0, 0, 1},
		{-0.00007, 0, 2, 1, 0, 0}, {0.00004, 0, 0, 2, -2, 0}, {0.00004, 0, 3, 0, 0, 0},
		{0.00003, 0, 1, 1, -2, 0}, {0.00003, 0, 0, 2, 2, 0}, {-0.00003, 0, 1, 1, 2, 0},
		{0.00003, 0, -1, 1, 2, 0}, {-0.00002, 0, -1, 1, -2, 0}, {-0.00002, 0, 1, 3, 0, 0},
		{0.00002, 0, 0, 4, 0, 0},
	}

	// planetaryTerms are the additional corrections for all phases (Meeus, after table
	// 49.A): coefficient, constant and rate per lunation of the argument in degrees.
	planetaryTerms := [...]struct{ c, a0, a1 float64 }{
		{0.000325, 299.77, 0.107408}, {0.000165, 251.88, 0.016321}, {0.000164, 251.83, 26.651886},
		{0.000126, 349.42, 36.412478}, {0.000110, 84.66, 18.206239}, {0.000062, 141.74, 53.303771},
		{0.000060, 207.14, 2.453732}, {0.000056, 154.84, 7.306860}, {0.000047, 34.52, 27.261239},
		{0.000042, 207.19, 0.121824}, {0.000040, 291.34, 1.844379}, {0.000037, 161.72, 24.198154},
		{0.000035, 239.56, 25.513099}, {0.000023, 331.55, 3.592518},
	}
	kf := float64(k)
	t := kf / 1236.85
	t2, t3, t4 := t*t, t*t*t, t*t*t*t
	jde := newMoonEpoch + synodicMonth*kf + 0.00015437*t2 - 0.000000150*t3 + 0.00000000073*t4
	e := 1 - 0.002516*t - 0.0000074*t2
	m := (2.5534 + 29.10535670*kf - 0.0000014*t2 - 0.00000011*t3) * deg
	mp := (201.5643 + 385.81693528*kf + 0.0107582*t2 + 0.00001238*t3 - 0.000000058*t4) * deg
	f := (160.7108 + 390.67050284*kf - 0.0016118*t2 - 0.00000227*t3 + 0.000000011*t4) * deg
	om := (124.7746 - 1.56375588*kf + 0.0020672*t2 + 0.00000215*t3) * deg
	for _, p := range newMoonTerms {
		v := p.c * math.Sin(p.m*m+p.mp*mp+p.f*f+p.omeg*om)
		for i := 0; i < p.e; i++ {
			v *= e
		}
		jde += v
	}
	for i, p := range planetaryTerms {
		a := p.a0 + p.a1*kf
		if i == 0 {
			a -= 0.009173 * t2
		}
		jde += p.c * math.Sin(a*deg)
	}
	return jde
}

// deltaT returns TT − UT in seconds for a decimal year (Espenak and Meeus polynomials).
func deltaT(y float64) float64 {
	switch {
	case y < 1900:
		t := y - 1860
		return 7.62 + 0.5737*t - 0.251754*t*t + 0.01680668*t*t*t - 0.0004473624*t*t*t*t + t*t*t*t*t/233174
	case y < 1920:
		t := y - 1900
		return -2.79 + 1.494119*t - 0.0598939*t*t + 0.0061966*t*t*t - 0.000197*t*t*t*t
	case y < 1941:
		t := y - 1920
		return 21.20 + 0.84493*t - 0.076100*t*t + 0.0020936*t*t*t
	case y < 1961:
		t := y - 1950
		return 29.07 + 0.407*t - t*t/233 + t*t*t/2547
	case y < 1986:
		t := y - 1975
		return 45.45 + 1.067*t - t*t/260 - t*t*t/718
	case y < 2005:
		t := y - 2000
		return 63.86 + 0.3345*t - 0.060374*t*t + 0.0017275*t*t*t + 0.000651814*t*t*t*t + 0.00002373599*t*t*t*t*t
	case y < 2050:
		t := y - 2000
		return 62.92 + 0.32217*t + 0.005589*t*t
	case y < 2150:
		u := (y - 1820) / 100
		return -20 + 32*u*u - 0.5628*(2150-y)
	}
	u := (y - 1820) / 100
	return -20 + 32*u*u
}

// decimalYear returns the approximate decimal year of a Julian Day.
func decimalYear(jd float64) float64 { return 2000 + (jd-2451545)/365.25 }

// newMoonDay returns the day number (days since 1970-01-01) of the civil date in UTC+7
// on which the new moon of lunation k falls.
func newMoonDay(k int) int {
	jde := newMoonJDE(k)
	jd := jde - deltaT(decimalYear(jde))/86400
	return int(math.Floor(jd - unixEpochJD + tzDays))
}

// sunLongitude returns the Sun's apparent geocentric longitude in degrees, [0, 360), at
// the Julian Ephemeris Day jde (Meeus chapter 25, accurate to about 0.01°).
func sunLongitude(jde float64) float64 {
	t := (jde - 2451545.0) / 36525
	l0 := 280.46646 + 36000.76983*t + 0.0003032*t*t
	m := (357.52911 + 35999.05029*t - 0.0001537*t*t) * deg
	c := (1.914602-0.004817*t-0.000014*t*t)*math.Sin(m) +
		(0.019993-0.000101*t)*math.Sin(2*m) + 0.000289*math.Sin(3*m)
	omega := (125.04 - 1934.136*t) * deg
	lambda := l0 + c - 0.00569 - 0.00478*math.Sin(omega)
	lambda = math.Mod(lambda, 360)
	if lambda < 0 {
		lambda += 360
	}
	return lambda
}

// majorTerm returns the index 0–11 of the 30° arc (between two major solar terms, trung
// khí) in which the Sun stands at 00:00 UTC+7 of day number z. Index 9 starts at the
// winter solstice (270°).
func majorTerm(z int) int {
	jd := float64(z) + unixEpochJD - tzDays
	jde := jd + deltaT(decimalYear(jd))/86400
	return int(sunLongitude(jde)/30) % 12
}

// lunationNear returns a lunation index whose new moon is close to day number z.
func lunationNear(z int) int {
	return int(math.Floor((float64(z) + unixEpochJD - newMoonEpoch) / synodicMonth))
}

// month11 returns the lunation index of the eleventh lunar month (tháng Một) that holds
// the winter solstice of Gregorian year y, at UTC+7.
func month11(y int) int {
	dec31 := daysFromCivil(y, 12, 31)
	k := lunationNear(dec31)
	for newMoonDay(k+1) <= dec31 {
		k++
	}
	for newMoonDay(k) > dec31 {
		k--
	}
	if majorTerm(newMoonDay(k)) >= 9 {
		k--
	}
	return k
}
