// Package portal holds the rules of the unit's web portal (cổng thông tin điện tử):
// articles in categories (tin tức, thông báo, văn bản chỉ đạo điều hành, trang giới
// thiệu), their editorial states from draft to publication, who may move an article from
// one state to the next, slugs, the limits on what an article may hold, and the line diff
// between two revisions.
//
// It imports only the standard library and motcua/internal/fault and fold; it never
// touches SQL, HTTP or HTML rendering (internal/markup turns a body into safe HTML).
package portal
