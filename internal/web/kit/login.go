package kit

import (
	"net/http"

	"motcua/internal/fault"
)

// Login is a sign-in form's outcome, shared by the officers' and the citizens' logins.
type Login struct {
	// Page is the form's template, shown again with data and the error's message when
	// the sign-in is refused.
	Page string
	Data map[string]any
	// Cookie names the session cookie; Next is where the form came from and Default
	// where the account lands otherwise.
	Cookie, Next, Default string
}

// FinishLogin answers a sign-in: on success it sets the session cookie and sends the
// browser to Next when it is a safe local path, else Default; on a refusal it shows the
// form again with the message; other errors get the error page.
func (s *Kit) FinishLogin(w http.ResponseWriter, r *http.Request, l Login, token string, err error) {
	if err != nil {
		e := s.Public(r, err)
		if e.Code == fault.Internal {
			s.PageError(w, r, err)
			return
		}
		l.Data["Error"] = e.Message
		s.Render(w, r, Status(e.Code), l.Page, l.Data)
		return
	}
	SetCookie(w, r, &http.Cookie{Name: l.Cookie, Value: token, MaxAge: int(s.App.SessionTTL().Seconds())})
	http.Redirect(w, r, LocalPath(l.Next, l.Default), http.StatusSeeOther)
}
