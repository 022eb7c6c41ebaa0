// Package report holds the rules of motcua's statistics (thống kê, báo cáo): the
// statutory reporting periods of Decree 09/2019/NĐ-CP art. 12 and calendar months, the
// summary of one dossier that every statistic is computed from, and the unit report
// Biểu II.06a (TT 01/2020/TT-VPCP) — received, resolved, in progress and withdrawn
// dossiers per field, with every dossier classified into the cells it counts in, so
// that each number can be drilled down to the dossiers behind it; and the QĐ
// 766/QĐ-TTg service index, whose weights, thresholds and bands are versioned data
// (Schemes766), with the rankings of units by it.
//
// It is a domain package: it imports only the standard library and the domain packages
// (calendar, catalog, dossier, fault). It must never import SQL, HTTP or any technology
// package; the store fills the summaries and the web renders the reports.
package report
