// Package dossier holds the rules of a dossier (hồ sơ thủ tục hành chính): its statuses,
// the actions officers and applicants take on it, the append-only events those actions
// leave, the projection of the current state from the events, timeliness (trước hạn,
// đúng hạn, quá hạn), dossier codes and lookup keys, and the applicant's personal data.
//
// Every change is an Event. Decide checks a Command against the current State and returns
// the Event to append; Project folds the events into a State. The store persists events
// with an optimistic version equal to the number of events, so that two concurrent
// actions on one dossier never both succeed.
//
// It is a domain package: it imports only the standard library, motcua/internal/fault and
// motcua/internal/calendar. It must never import SQL, HTTP or any technology package.
package dossier
