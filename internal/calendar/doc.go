// Package calendar is the legal clock of motcua: civil dates in Vietnam's time zone
// (UTC+7), the Vietnamese lunar calendar computed astronomically for UTC+7, statutory days
// off (Labour Code 2019, art. 112) with compensatory days (nghỉ bù), the yearly published
// decisions as data (Override), working sessions, due dates counted in working time or in
// calendar days, a clock that can be paused, resumed, reset and extended, and an
// explanation of every computed due date, day by day.
//
// The package holds pure rules. It imports only the standard library and must never import
// another motcua package, a database driver or anything that does I/O. Errors that a user
// may see are *Error values with a Vietnamese message.
package calendar
