package main

import (
	"motcua/internal/app"
)

// paymentConfig reads the payment configuration of DESIGN.md §5: MOTCUA_PAYMENT
// (sandbox|vnpay; sandbox by default when the demo is on, off otherwise),
// MOTCUA_VNPAY_TMN_CODE, MOTCUA_VNPAY_SECRET and MOTCUA_VNPAY_URL.
func paymentConfig(getenv func(string) string, demo bool) (app.PaymentConfig, error) {
	c := app.PaymentConfig{Mode: getenv("MOTCUA_PAYMENT"), TmnCode: getenv("MOTCUA_VNPAY_TMN_CODE"),
		Secret: getenv("MOTCUA_VNPAY_SECRET"), URL: getenv("MOTCUA_VNPAY_URL")}
	if c.Mode == "" && demo {
		c.Mode = app.PaymentSandbox
	}
	return app.ResolvePaymentConfig(c)
}
