package payment

import (
	"net/url"
	"strconv"
	"time"
)

// GatewayOrder is a payment order as the gateway reads it from a signed payment URL.
type GatewayOrder struct {
	TmnCode   string
	TxnRef    string
	AmountVND int64
	Info      string
	ReturnURL string
	Expires   time.Time
}

// ReadOrder is the gateway's side of PayURL: it checks the signature and the fields of a
// payment URL's query (ErrSignature, ErrMalformed) and reads the order.
func (v VNPAY) ReadOrder(q url.Values) (GatewayOrder, error) {
	f, err := VerifyQuery(v.Secret, q)
	if err != nil {
		return GatewayOrder{}, err
	}
	if f["vnp_TmnCode"] != v.TmnCode {
		return GatewayOrder{}, ErrSignature
	}
	if f["vnp_Version"] != "2.1.0" || f["vnp_Command"] != "pay" || f["vnp_CurrCode"] != "VND" || f["vnp_TxnRef"] == "" ||
		f["vnp_ReturnUrl"] == "" {
		return GatewayOrder{}, ErrMalformed
	}
	amount, err := strconv.ParseInt(f["vnp_Amount"], 10, 64)
	if err != nil || amount <= 0 || amount%100 != 0 {
		return GatewayOrder{}, ErrMalformed
	}
	exp, err := time.ParseInLocation(vnpTime, f["vnp_ExpireDate"], gmt7)
	if err != nil {
		return GatewayOrder{}, ErrMalformed
	}
	return GatewayOrder{TmnCode: f["vnp_TmnCode"], TxnRef: f["vnp_TxnRef"], AmountVND: amount / 100,
		Info: f["vnp_OrderInfo"], ReturnURL: f["vnp_ReturnUrl"], Expires: exp.UTC()}, nil
}

// ResultQuery is the signed query the gateway sends about an order, both in the IPN and
// on the return URL: vnp_ResponseCode and vnp_TransactionStatus 00 when approved, 24
// (the customer cancelled) and 02 otherwise; transactionNo is the gateway's number.
func (v VNPAY) ResultQuery(o GatewayOrder, approved bool, transactionNo string, at time.Time) string {
	rsp, status := "24", "02"
	if approved {
		rsp, status = "00", "00"
	}
	f := map[string]string{
		"vnp_Amount":            strconv.FormatInt(o.AmountVND*100, 10),
		"vnp_BankCode":          "NCB",
		"vnp_CardType":          "ATM",
		"vnp_OrderInfo":         o.Info,
		"vnp_PayDate":           at.In(gmt7).Format(vnpTime),
		"vnp_ResponseCode":      rsp,
		"vnp_TmnCode":           v.TmnCode,
		"vnp_TransactionNo":     transactionNo,
		"vnp_TransactionStatus": status,
		"vnp_TxnRef":            o.TxnRef,
	}
	if approved {
		f["vnp_BankTranNo"] = "VNP" + transactionNo
	}
	q := Canonical(f)
	return q + "&vnp_SecureHash=" + Sign(v.Secret, q)
}
