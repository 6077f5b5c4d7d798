package dashboard

import (
	"crypto/subtle"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// maxBody bounds every request body: a definition is far smaller.
const maxBody = 1 << 20

const sessionCookie = "orc_session"

// csp allows nothing but this origin: no inline script or style, no
// third-party origin, no framing.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// secure wraps every request in the dashboard's checks, in this order:
// headers, token (when configured), CSRF and origin for changes, read-only,
// body size.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		// Without a token, loopback is the only protection, and a page of
		// another site whose name resolves to 127.0.0.1 (DNS rebinding)
		// would get past it: so the Host must be a loopback name too.
		if s.opt.Token == "" && !loopbackHost(r.Host) {
			writeError(w, &apiError{Status: http.StatusForbidden, Code: "Orc.HostRejected", Message: "host " + r.Host + " is not this computer's loopback address",
				Fix: "open the dashboard as http://127.0.0.1:<port>/ or http://localhost:<port>/; to serve other names, configure a token (--token-file)"})
			return
		}
		if s.opt.Token != "" && !s.authorized(w, r) {
			writeError(w, &apiError{Status: http.StatusUnauthorized, Code: "Orc.Unauthorized", Message: "this dashboard needs its token",
				Fix: "send 'Authorization: Bearer <token>', or open the URL with ?token=<token> once"})
			return
		}
		if !safeMethod(r.Method) {
			if e := s.checkChange(r); e != nil {
				writeError(w, e)
				return
			}
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		next.ServeHTTP(w, r)
	})
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// authorized accepts the bearer token or the session cookie; a ?token= on a
// page request sets the cookie (HttpOnly, SameSite=Strict) so links work.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	if a := r.Header.Get("Authorization"); strings.HasPrefix(a, "Bearer ") && s.tokenOK(strings.TrimPrefix(a, "Bearer ")) {
		return true
	}
	if c, err := r.Cookie(sessionCookie); err == nil && s.tokenOK(c.Value) {
		return true
	}
	if t := r.URL.Query().Get("token"); t != "" && safeMethod(r.Method) && s.tokenOK(t) {
		http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: t, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
		return true
	}
	return false
}

func (s *Server) tokenOK(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(s.opt.Token)) == 1
}

// checkChange guards every state change: the per-process CSRF token, a
// same-origin request (Sec-Fetch-Site, else Origin), and read-only mode.
func (s *Server) checkChange(r *http.Request) *apiError {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return &apiError{Status: http.StatusForbidden, Code: "Orc.CsrfRejected", Message: "a change from another site (Sec-Fetch-Site: " + site + ") is refused", Fix: "make changes from the dashboard's own pages or with curl"}
	}
	if o := r.Header.Get("Origin"); o != "" && !sameOrigin(o, r.Host) {
		return &apiError{Status: http.StatusForbidden, Code: "Orc.CsrfRejected", Message: "a change from origin " + o + " is refused", Fix: "make changes from the dashboard's own pages or with curl"}
	}
	if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-CSRF-Token")), []byte(s.csrf)) != 1 {
		return &apiError{Status: http.StatusForbidden, Code: "Orc.CsrfRejected", Field: "X-CSRF-Token", Message: "the X-CSRF-Token header is missing or wrong",
			Fix: "GET /api/v1/scheduler returns CsrfToken; send it as X-CSRF-Token with every POST, PUT and DELETE"}
	}
	// Validating and reading the scheduler again change nothing, so a
	// read-only dashboard still does them.
	if s.opt.ReadOnly && r.URL.Path != "/api/v1/validate" && r.URL.Path != "/api/v1/scheduler/refresh" {
		return &apiError{Status: http.StatusForbidden, Code: "Orc.ReadOnly", Message: "this dashboard is read-only", Fix: "start it without --read-only to make changes"}
	}
	return nil
}

func sameOrigin(origin, host string) bool {
	u, err := url.Parse(origin)
	return err == nil && u.Host != "" && strings.EqualFold(u.Host, host)
}

// loopbackHost reports whether a request's Host names loopback.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// IsLoopback reports whether a listen address binds only to loopback.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
