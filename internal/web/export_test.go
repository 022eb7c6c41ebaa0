package web

import "motcua/internal/web/kit"

// DaysFunc is the template function "days", for the external tests.
func DaysFunc(v float64) string { return kit.Funcs["days"].(func(float64) string)(v) }

// DaysText is the day count of the procedure pages, for the external tests.
func DaysText(v float64) string { return kit.DaysText(v) }
