package payment

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"
)

var testGW = VNPAY{TmnCode: "MOTCUA01", Secret: "SECRETSECRETSECRETSECRETSECRET12", URL: "https://gw.example/paymentv2/vpcpay.html"}

func TestURLEncodeLikePHP(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Thanh toan phi HS 01": "Thanh+toan+phi+HS+01",
		"a-b_c.d~e":            "a-b_c.d%7Ee",
		"http://x/y?z=1&w":     "http%3A%2F%2Fx%2Fy%3Fz%3D1%26w",
		"Đ":                    "%C4%90",
	} {
		if got := URLEncode(in); got != want {
			t.Errorf("URLEncode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPayURLSignedOverSortedQuery(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 3, 2, 2, 30, 0, 0, time.UTC)
	raw, err := testGW.PayURL(Order{TxnRef: "abc123", AmountVND: 50000, Info: "Thanh toán phí hồ sơ H26.01-260302-0001",
		ReturnURL: "http://127.0.0.1:8080/thanh-toan/ket-qua/vnpay", IP: "10.0.0.1", At: at})
	if err != nil {
		t.Fatal(err)
	}
	base, query, ok := strings.Cut(raw, "?")
	if !ok || base != testGW.URL {
		t.Fatalf("url %q", raw)
	}
	signed, hash, ok := strings.Cut(query, "&vnp_SecureHash=")
	if !ok {
		t.Fatalf("no hash in %q", query)
	}
	// The signed text is the query itself, sorted by key, spaces as '+'.
	want := "vnp_Amount=5000000&vnp_Command=pay&vnp_CreateDate=20260302093000&vnp_CurrCode=VND" +
		"&vnp_ExpireDate=20260302094500&vnp_IpAddr=10.0.0.1&vnp_Locale=vn" +
		"&vnp_OrderInfo=Thanh+toan+phi+ho+so+H26.01-260302-0001&vnp_OrderType=billpayment" +
		"&vnp_ReturnUrl=http%3A%2F%2F127.0.0.1%3A8080%2Fthanh-toan%2Fket-qua%2Fvnpay&vnp_TmnCode=MOTCUA01" +
		"&vnp_TxnRef=abc123&vnp_Version=2.1.0"
	if signed != want {
		t.Fatalf("signed text\n%s\nwant\n%s", signed, want)
	}
	m := hmac.New(sha512.New, []byte(testGW.Secret))
	m.Write([]byte(want))
	if hash != hex.EncodeToString(m.Sum(nil)) {
		t.Fatal("vnp_SecureHash is not the HMAC-SHA512 of the signed text")
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	o, err := testGW.ReadOrder(q)
	if err != nil || o.AmountVND != 50000 || o.TxnRef != "abc123" || o.ReturnURL != "http://127.0.0.1:8080/thanh-toan/ket-qua/vnpay" {
		t.Fatalf("gateway reads %+v, %v", o, err)
	}
	q.Set("vnp_Amount", "100")
	if _, err := testGW.ReadOrder(q); !errors.Is(err, ErrSignature) {
		t.Fatalf("tampered order: %v", err)
	}
}

func TestVerifyResult(t *testing.T) {
	t.Parallel()
	o := GatewayOrder{TxnRef: "abc123", AmountVND: 50000, Info: "Thanh toan"}
	at := time.Date(2026, 3, 2, 2, 31, 0, 0, time.UTC)
	for _, approved := range []bool{true, false} {
		q, _ := url.ParseQuery(testGW.ResultQuery(o, approved, "14226112", at))
		n, err := testGW.Verify(q)
		if err != nil || n.Success != approved || n.AmountVND != 50000 || n.TransactionNo != "14226112" || !n.PayDate.Equal(at) {
			t.Fatalf("approved=%v: %+v, %v", approved, n, err)
		}
	}
	q, _ := url.ParseQuery(testGW.ResultQuery(o, true, "1", at))
	forged := VNPAY{TmnCode: testGW.TmnCode, Secret: "other"}
	if _, err := forged.Verify(q); !errors.Is(err, ErrSignature) {
		t.Fatalf("other secret: %v", err)
	}
	for _, edit := range []func(url.Values){
		func(q url.Values) { q.Set("vnp_Amount", "1000000000") },
		func(q url.Values) { q.Del("vnp_SecureHash") },
		func(q url.Values) { q.Set("vnp_SecureHash", "zz") },
		func(q url.Values) { q.Set("vnp_ResponseCode", "00 ") },
		func(q url.Values) { q.Add("vnp_TxnRef", "other") },
	} {
		c, _ := url.ParseQuery(q.Encode())
		edit(c)
		if _, err := testGW.Verify(c); err == nil {
			t.Fatalf("edited query accepted: %v", c)
		}
	}
	if a := Answer("97"); a.RspCode != "97" || a.Message != "Invalid signature" {
		t.Fatalf("%+v", a)
	}
	if a := Answer("xx"); a.RspCode != "99" {
		t.Fatalf("%+v", a)
	}
}
