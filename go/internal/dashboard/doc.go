// Package dashboard is orc-exec's on-demand web dashboard and JSON API
// (/api/v1). It reads the store directly (definitions, history, output,
// locks, outbox) and makes every change through the module's cmdlets in a
// child pwsh, so there is one registration path for Task Scheduler and
// cron. It binds to loopback unless a token is configured, refuses writes
// in read-only mode, checks a CSRF token and the request's origin on every
// change, and serves its assets embedded, under a strict CSP.
package dashboard
