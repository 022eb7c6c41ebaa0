package payment

import (
	"net/url"
	"time"
)

// Order is what a gateway is asked to collect: one payment of a dossier's fee.
type Order struct {
	// TxnRef is motcua's reference of the payment (mã giao dịch của đơn vị), unique per
	// attempt; it comes back in the return URL and the IPN.
	TxnRef string
	// AmountVND is the amount in đồng.
	AmountVND int64
	// Info is the order description shown by the gateway (no personal data).
	Info string
	// ReturnURL is where the gateway sends the applicant's browser afterwards.
	ReturnURL string
	// IP is the applicant's address (vnp_IpAddr).
	IP string
	// At is the creation instant; the order expires ExpireAfter later.
	At time.Time
}

// ExpireAfter is how long a payment URL stays valid (vnp_ExpireDate − vnp_CreateDate).
const ExpireAfter = 15 * time.Minute

// Notice is what a gateway says about one payment, after its signature was verified:
// in the IPN (the only message that marks a payment paid) or in the return URL (shown
// to the applicant only).
type Notice struct {
	TxnRef string
	// AmountVND is the amount the gateway collected, in đồng.
	AmountVND int64
	// Success is true when the gateway reports the payment as made (VNPAY:
	// vnp_ResponseCode = 00 and vnp_TransactionStatus = 00).
	Success bool
	// ResponseCode is the gateway's result code (vnp_ResponseCode).
	ResponseCode string
	// TransactionNo is the gateway's transaction number (vnp_TransactionNo).
	TransactionNo string
	// BankCode is the bank or wallet used (vnp_BankCode); no card data.
	BankCode string
	// PayDate is when the gateway took the payment (vnp_PayDate), zero if not given.
	PayDate time.Time
}

// Provider is a payment gateway adapter.
type Provider interface {
	// Name is the provider's name in URLs (/api/v1/payments/ipn/{name}) and records.
	Name() string
	// PayURL is the signed address that sends the applicant to the gateway.
	PayURL(o Order) (string, error)
	// Verify checks the signature of a return URL's or an IPN's query and reads it:
	// ErrSignature when the signature is missing or wrong, ErrMalformed when a field is
	// missing or unreadable.
	Verify(q url.Values) (Notice, error)
}
