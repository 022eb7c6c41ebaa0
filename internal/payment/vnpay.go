package payment

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Errors of Verify.
var (
	// ErrSignature: the vnp_SecureHash is missing or does not match (VNPAY code 97).
	ErrSignature = errors.New("payment: invalid signature")
	// ErrMalformed: a field that the protocol requires is missing or unreadable.
	ErrMalformed = errors.New("payment: malformed notice")
)

// VNPAY codes of the answer to an IPN (RspCode), as VNPAY's integration guide lists
// them.
const (
	RspConfirmed      = "00" // Confirm Success
	RspOrderNotFound  = "01" // Order not found
	RspAlreadyDone    = "02" // Order already confirmed
	RspInvalidAmount  = "04" // Invalid amount
	RspInvalidSig     = "97" // Invalid signature
	RspUnknownFailure = "99" // Unknown error
)

// IPNAnswer is the JSON that answers VNPAY's IPN.
type IPNAnswer struct {
	RspCode string `json:"RspCode"`
	Message string `json:"Message"`
}

// Answer returns VNPAY's answer for a code, with the message VNPAY's guide gives it.
func Answer(code string) IPNAnswer {
	msg := map[string]string{
		RspConfirmed:      "Confirm Success",
		RspOrderNotFound:  "Order not found",
		RspAlreadyDone:    "Order already confirmed",
		RspInvalidAmount:  "Invalid amount",
		RspInvalidSig:     "Invalid signature",
		RspUnknownFailure: "Unknown error",
	}[code]
	if msg == "" {
		code, msg = RspUnknownFailure, "Unknown error"
	}
	return IPNAnswer{RspCode: code, Message: msg}
}

// vnpTime is VNPAY's time format, in GMT+7.
const vnpTime = "20060102150405"

var gmt7 = time.FixedZone("GMT+7", 7*3600)

// VNPAY is the VNPAY 2.1.0 adapter: terminal code (vnp_TmnCode), secret (vnp_HashSecret)
// and the gateway's payment address (e.g. https://sandbox.vnpayment.vn/paymentv2/vpcpay.html).
type VNPAY struct {
	TmnCode string
	Secret  string
	URL     string
}

// Name implements Provider.
func (VNPAY) Name() string { return "vnpay" }

// PayURL implements Provider: the query of every vnp_ parameter sorted by key, each key
// and value encoded as PHP's urlencode does (spaces as '+'), signed with HMAC-SHA512 of
// that same text, the hash appended as vnp_SecureHash.
func (v VNPAY) PayURL(o Order) (string, error) {
	if v.TmnCode == "" || v.Secret == "" || v.URL == "" {
		return "", errors.New("payment: vnpay is not configured")
	}
	if o.AmountVND <= 0 || o.TxnRef == "" || o.ReturnURL == "" {
		return "", errors.New("payment: order needs an amount, a reference and a return URL")
	}
	at := o.At.In(gmt7)
	ip := o.IP
	if ip == "" {
		ip = "127.0.0.1"
	}
	p := map[string]string{
		"vnp_Version":    "2.1.0",
		"vnp_Command":    "pay",
		"vnp_TmnCode":    v.TmnCode,
		"vnp_Amount":     strconv.FormatInt(o.AmountVND*100, 10),
		"vnp_CurrCode":   "VND",
		"vnp_TxnRef":     o.TxnRef,
		"vnp_OrderInfo":  OrderInfo(o.Info),
		"vnp_OrderType":  "billpayment",
		"vnp_Locale":     "vn",
		"vnp_ReturnUrl":  o.ReturnURL,
		"vnp_IpAddr":     ip,
		"vnp_CreateDate": at.Format(vnpTime),
		"vnp_ExpireDate": at.Add(ExpireAfter).Format(vnpTime),
	}
	q := Canonical(p)
	sep := "?"
	if strings.Contains(v.URL, "?") {
		sep = "&"
	}
	return v.URL + sep + q + "&vnp_SecureHash=" + Sign(v.Secret, q), nil
}

// Verify implements Provider for a return URL or an IPN.
func (v VNPAY) Verify(q url.Values) (Notice, error) {
	fields, err := VerifyQuery(v.Secret, q)
	if err != nil {
		return Notice{}, err
	}
	if fields["vnp_TmnCode"] != v.TmnCode {
		return Notice{}, ErrSignature
	}
	n := Notice{
		TxnRef:        fields["vnp_TxnRef"],
		ResponseCode:  fields["vnp_ResponseCode"],
		TransactionNo: fields["vnp_TransactionNo"],
		BankCode:      fields["vnp_BankCode"],
	}
	amount, err := strconv.ParseInt(fields["vnp_Amount"], 10, 64)
	if err != nil || amount < 0 || amount%100 != 0 || n.TxnRef == "" {
		return Notice{}, ErrMalformed
	}
	n.AmountVND = amount / 100
	status, ok := fields["vnp_TransactionStatus"]
	n.Success = n.ResponseCode == "00" && (!ok || status == "00")
	if pd := fields["vnp_PayDate"]; pd != "" {
		if t, err := time.ParseInLocation(vnpTime, pd, gmt7); err == nil {
			n.PayDate = t.UTC()
		}
	}
	return n, nil
}

// VerifyQuery checks vnp_SecureHash over the query's other vnp_ fields (without
// vnp_SecureHash and vnp_SecureHashType) and returns those fields, or ErrSignature.
// A field given twice is refused: VNPAY never repeats one.
func VerifyQuery(secret string, q url.Values) (map[string]string, error) {
	got := q.Get("vnp_SecureHash")
	sum, err := hex.DecodeString(got)
	if err != nil || len(sum) != sha512.Size || secret == "" {
		return nil, ErrSignature
	}
	fields := map[string]string{}
	for k, vs := range q {
		if !strings.HasPrefix(k, "vnp_") || k == "vnp_SecureHash" || k == "vnp_SecureHashType" {
			continue
		}
		if len(vs) != 1 {
			return nil, ErrMalformed
		}
		fields[k] = vs[0]
	}
	want := mac(secret, Canonical(fields))
	if !hmac.Equal(sum, want) {
		return nil, ErrSignature
	}
	return fields, nil
}

// Canonical is the text VNPAY signs: key=value pairs sorted by key, joined by '&', each
// key and value encoded as PHP's urlencode does (VNPAY's reference code).
func Canonical(p map[string]string) string {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(URLEncode(k))
		b.WriteByte('=')
		b.WriteString(URLEncode(p[k]))
	}
	return b.String()
}

// Sign is the lower-case hex HMAC-SHA512 of data with the secret.
func Sign(secret, data string) string { return hex.EncodeToString(mac(secret, data)) }

func mac(secret, data string) []byte {
	h := hmac.New(sha512.New, []byte(secret))
	h.Write([]byte(data))
	return h.Sum(nil)
}

// URLEncode encodes s as PHP's urlencode: letters, digits and -_. stay, a space becomes
// '+', every other byte %XX in upper-case hex.
func URLEncode(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_', c == '.':
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
	}
	return b.String()
}

// OrderInfo makes an order description VNPAY accepts: Vietnamese without accents,
// letters, digits, spaces, dots and hyphens only, at most 255 bytes (VNPAY's guide asks for no
// diacritics and no special characters).
func OrderInfo(s string) string {
	var b strings.Builder
	for _, r := range s {
		r = unaccent(r)
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9', r == ' ', r == '-', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	if len(out) > 255 {
		out = out[:255]
	}
	if out == "" {
		out = "Thanh toan phi le phi"
	}
	return out
}

// unaccent maps a Vietnamese letter to its letter without marks (đ → d).
func unaccent(r rune) rune {
	const groups = "aàáảãạăằắẳẵặâầấẩẫậ|AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ|eèéẻẽẹêềếểễệ|EÈÉẺẼẸÊỀẾỂỄỆ|iìíỉĩị|IÌÍỈĨỊ|" +
		"oòóỏõọôồốổỗộơờớởỡợ|OÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ|uùúủũụưừứửữự|UÙÚỦŨỤƯỪỨỬỮỰ|yỳýỷỹỵ|YỲÝỶỸỴ|dđ|DĐ"
	for _, g := range strings.Split(groups, "|") {
		if strings.ContainsRune(g, r) {
			return []rune(g)[0]
		}
	}
	return r
}

// FormatAmount is vnp_Amount for an amount in đồng.
func FormatAmount(vnd int64) string { return fmt.Sprint(vnd * 100) }
