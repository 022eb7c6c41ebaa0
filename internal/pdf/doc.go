// Package pdf prints the official one-stop forms (biểu mẫu một cửa) and the posted
// procedure list (danh mục thủ tục niêm yết) as PDF documents: the receipt and
// appointment slip, supplement request, refusal, apology, notice of stopping, process
// control sheet and dossier book of Circular 01/2018/TT-VPCP and Circular 03/2025/TT-VPCP,
// numbered according to the rule set in force on the dossier's receipt date.
//
// Callers fill plain input structs defined here and get the document written to an
// io.Writer. The package embeds its fonts (Noto Sans, SIL Open Font License, see
// fonts/OFL.txt) and draws QR codes itself.
//
// It imports only the standard library, internal/fault, go-pdf/fpdf and skip2/go-qrcode.
// It must not import store, web or any SQL package: the web layer maps dossiers to the
// input structs.
package pdf
