package report

import (
	"fmt"
	"slices"

	"motcua/internal/calendar"
	"motcua/internal/catalog"
	"motcua/internal/dossier"
)

// Cell names a column (ô) of Biểu II.06a; a dossier counts in a cell when its Class
// has it. The names are the contract's JSON paths.
type Cell string

// The cells of Biểu II.06a.
const (
	Received          Cell = "received.total"
	ReceivedOnline    Cell = "received.online"
	ReceivedDirect    Cell = "received.direct_postal"
	ReceivedCarried   Cell = "received.carried_over"
	Resolved          Cell = "resolved.total"
	ResolvedEarly     Cell = "resolved.early"
	ResolvedOnTime    Cell = "resolved.on_time"
	ResolvedLate      Cell = "resolved.late"
	InProgress        Cell = "in_progress.total"
	InProgressInTime  Cell = "in_progress.in_time"
	InProgressOverdue Cell = "in_progress.overdue"
	Withdrawn         Cell = "withdrawn"
	noCell            Cell = ""
)

// Cells lists every cell in the order of the form's columns.
func Cells() []Cell {
	return []Cell{Received, ReceivedOnline, ReceivedDirect, ReceivedCarried, Resolved, ResolvedEarly,
		ResolvedOnTime, ResolvedLate, InProgress, InProgressInTime, InProgressOverdue, Withdrawn}
}

// ParseCell returns the cell named s, or false.
func ParseCell(s string) (Cell, bool) {
	for _, c := range Cells() {
		if string(c) == s {
			return c, true
		}
	}
	return noCell, false
}

// Class is where one dossier counts in Biểu II.06a for a period: how it entered the
// period (ReceivedOnline, ReceivedDirect or ReceivedCarried) and where it stood at the
// end (ResolvedEarly, ResolvedOnTime, ResolvedLate, InProgressInTime,
// InProgressOverdue or Withdrawn). The zero Class is a dossier that does not count.
type Class struct {
	In, Out Cell
}

// Counts reports whether the dossier counts in the period at all.
func (c Class) Counts() bool { return c.In != noCell }

// Has reports whether the dossier counts in the cell (totals included).
func (c Class) Has(cell Cell) bool {
	if !c.Counts() {
		return false
	}
	switch cell {
	case Received:
		return true
	case Resolved:
		return c.Out == ResolvedEarly || c.Out == ResolvedOnTime || c.Out == ResolvedLate
	case InProgress:
		return c.Out == InProgressInTime || c.Out == InProgressOverdue
	}
	return cell == c.In || cell == c.Out
}

// ClassifyII06a places the dossier in Biểu II.06a for the period (DESIGN §4, TT
// 01/2020/TT-VPCP; civil dates in UTC+7):
//
//   - it counts when its clock started on or before the period's last day and it had
//     not finished before the first day;
//   - it entered the period carried over (từ kỳ trước) when its clock started before
//     the first day, else online or direct/postal by its channel;
//   - it is withdrawn when it finished within the period and its status is withdrawn;
//     resolved when it finished within the period otherwise — early, on time or late by
//     comparing the finish date with the original appointment's date (one without an
//     appointment is on time); a second supplement request does not change this, it
//     only counts in the QĐ 766 index;
//   - it is in progress otherwise, overdue when its original appointment falls on or
//     before the period's last day, in time when it falls after (or there is none).
func ClassifyII06a(d Dossier, p Period) Class {
	if d.ReceivedAt.IsZero() {
		return Class{}
	}
	received := calendar.DateOf(d.ReceivedAt)
	if received.After(p.To) {
		return Class{}
	}
	finished := !d.FinishedAt.IsZero()
	var end calendar.Date
	if finished {
		end = calendar.DateOf(d.FinishedAt)
		if end.Before(p.From) {
			return Class{}
		}
	}
	var c Class
	switch {
	case received.Before(p.From):
		c.In = ReceivedCarried
	case d.Channel == dossier.ChannelOnline:
		c.In = ReceivedOnline
	default:
		c.In = ReceivedDirect
	}
	hasDue := !d.OriginalDueAt.IsZero()
	var due calendar.Date
	if hasDue {
		due = calendar.DateOf(d.OriginalDueAt)
	}
	switch {
	case finished && !end.After(p.To) && d.Status == dossier.StatusWithdrawn:
		c.Out = Withdrawn
	case finished && !end.After(p.To):
		switch {
		case !hasDue || end.Equal(due):
			c.Out = ResolvedOnTime
		case end.Before(due):
			c.Out = ResolvedEarly
		default:
			c.Out = ResolvedLate
		}
	case hasDue && !due.After(p.To):
		c.Out = InProgressOverdue
	default:
		c.Out = InProgressInTime
	}
	return c
}

// ReceivedCounts are the "số hồ sơ nhận giải quyết" columns.
type ReceivedCounts struct {
	Total        int `json:"total"`
	Online       int `json:"online"`
	DirectPostal int `json:"direct_postal"`
	CarriedOver  int `json:"carried_over"`
}

// ResolvedCounts are the "số hồ sơ đã giải quyết" columns.
type ResolvedCounts struct {
	Total  int `json:"total"`
	Early  int `json:"early"`
	OnTime int `json:"on_time"`
	Late   int `json:"late"`
}

// InProgressCounts are the "số hồ sơ đang giải quyết" columns.
type InProgressCounts struct {
	Total   int `json:"total"`
	InTime  int `json:"in_time"`
	Overdue int `json:"overdue"`
}

// Counts is one line of Biểu II.06a. Its JSON keys are the contract's.
type Counts struct {
	Received   ReceivedCounts   `json:"received"`
	Resolved   ResolvedCounts   `json:"resolved"`
	InProgress InProgressCounts `json:"in_progress"`
	Withdrawn  int              `json:"withdrawn"`
}

// Add counts one dossier of the class (nothing when it does not count).
func (n *Counts) Add(c Class) {
	if !c.Counts() {
		return
	}
	n.Received.Total++
	switch c.In {
	case ReceivedOnline:
		n.Received.Online++
	case ReceivedDirect:
		n.Received.DirectPostal++
	case ReceivedCarried:
		n.Received.CarriedOver++
	}
	switch c.Out {
	case ResolvedEarly:
		n.Resolved.Total++
		n.Resolved.Early++
	case ResolvedOnTime:
		n.Resolved.Total++
		n.Resolved.OnTime++
	case ResolvedLate:
		n.Resolved.Total++
		n.Resolved.Late++
	case InProgressInTime:
		n.InProgress.Total++
		n.InProgress.InTime++
	case InProgressOverdue:
		n.InProgress.Total++
		n.InProgress.Overdue++
	case Withdrawn:
		n.Withdrawn++
	}
}

// Plus adds another line to this one, cell by cell.
func (n *Counts) Plus(o Counts) {
	n.Received.Total += o.Received.Total
	n.Received.Online += o.Received.Online
	n.Received.DirectPostal += o.Received.DirectPostal
	n.Received.CarriedOver += o.Received.CarriedOver
	n.Resolved.Total += o.Resolved.Total
	n.Resolved.Early += o.Resolved.Early
	n.Resolved.OnTime += o.Resolved.OnTime
	n.Resolved.Late += o.Resolved.Late
	n.InProgress.Total += o.InProgress.Total
	n.InProgress.InTime += o.InProgress.InTime
	n.InProgress.Overdue += o.InProgress.Overdue
	n.Withdrawn += o.Withdrawn
}

// Cell returns the number in the cell.
func (n Counts) Cell(c Cell) int {
	switch c {
	case Received:
		return n.Received.Total
	case ReceivedOnline:
		return n.Received.Online
	case ReceivedDirect:
		return n.Received.DirectPostal
	case ReceivedCarried:
		return n.Received.CarriedOver
	case Resolved:
		return n.Resolved.Total
	case ResolvedEarly:
		return n.Resolved.Early
	case ResolvedOnTime:
		return n.Resolved.OnTime
	case ResolvedLate:
		return n.Resolved.Late
	case InProgress:
		return n.InProgress.Total
	case InProgressInTime:
		return n.InProgress.InTime
	case InProgressOverdue:
		return n.InProgress.Overdue
	case Withdrawn:
		return n.Withdrawn
	}
	return 0
}

// Check returns an error unless the line's invariants hold: received = online +
// direct/postal + carried over = resolved + in progress + withdrawn, and each total is
// the sum of its parts.
func (n Counts) Check() error {
	r, s, p := n.Received, n.Resolved, n.InProgress
	switch {
	case r.Total != r.Online+r.DirectPostal+r.CarriedOver:
		return fmt.Errorf("received %d ≠ online %d + direct/postal %d + carried over %d", r.Total, r.Online, r.DirectPostal, r.CarriedOver)
	case r.Total != s.Total+p.Total+n.Withdrawn:
		return fmt.Errorf("received %d ≠ resolved %d + in progress %d + withdrawn %d", r.Total, s.Total, p.Total, n.Withdrawn)
	case s.Total != s.Early+s.OnTime+s.Late:
		return fmt.Errorf("resolved %d ≠ early %d + on time %d + late %d", s.Total, s.Early, s.OnTime, s.Late)
	case p.Total != p.InTime+p.Overdue:
		return fmt.Errorf("in progress %d ≠ in time %d + overdue %d", p.Total, p.InTime, p.Overdue)
	}
	return nil
}

// Row is the line of one field (lĩnh vực) of Biểu II.06a.
type Row struct {
	FieldCode string `json:"field_code"`
	FieldName string `json:"field_name"`
	Counts
}

// II06a is Biểu II.06a — tình hình, kết quả giải quyết TTHC — of a unit (or a unit with
// the units below it) for a period: one row per field with dossiers that count, in
// catalogue order, and the total.
type II06a struct {
	Period Period
	Rows   []Row
	Total  Counts
}

// BuildII06a classifies the dossiers for the period and counts them per field. fields
// gives the catalogue order and names; a field code missing from it gets a row named
// by its code, after the catalogue's fields.
func BuildII06a(p Period, fields []catalog.Field, ds []Dossier) II06a {
	rows := map[string]*Counts{}
	for _, d := range ds {
		c := ClassifyII06a(d, p)
		if !c.Counts() {
			continue
		}
		n := rows[d.FieldCode]
		if n == nil {
			n = &Counts{}
			rows[d.FieldCode] = n
		}
		n.Add(c)
	}
	return arrange(p, fields, rows)
}

// BuildII06aFromSums makes the report from the period's sums of daily counts per field
// (PeriodSums, as the store reads them from the maintained counts). It equals
// BuildII06a over the same dossiers: a field has a row when a dossier counts in it.
func BuildII06aFromSums(p Period, fields []catalog.Field, sums map[string]PeriodSums) II06a {
	rows := map[string]*Counts{}
	for code, s := range sums {
		if n := s.Counts(); n.Received.Total != 0 {
			rows[code] = &n
		}
	}
	return arrange(p, fields, rows)
}

// arrange orders the rows of the fields in catalogue order, then those missing from the
// catalogue by code, and adds the total.
func arrange(p Period, fields []catalog.Field, rows map[string]*Counts) II06a {
	out := II06a{Period: p, Rows: []Row{}}
	for _, f := range fields {
		if n, ok := rows[f.Code]; ok {
			out.Rows = append(out.Rows, Row{FieldCode: f.Code, FieldName: f.Name, Counts: *n})
			delete(rows, f.Code)
		}
	}
	var rest []string
	for code := range rows {
		rest = append(rest, code)
	}
	slices.Sort(rest)
	for _, code := range rest {
		out.Rows = append(out.Rows, Row{FieldCode: code, FieldName: code, Counts: *rows[code]})
	}
	for _, r := range out.Rows {
		out.Total.Plus(r.Counts)
	}
	return out
}

// Check returns an error unless every row and the total keep the invariants and the
// total is the sum of the rows.
func (r II06a) Check() error {
	var sum Counts
	for _, row := range r.Rows {
		if err := row.Check(); err != nil {
			return fmt.Errorf("row %s: %w", row.FieldCode, err)
		}
		sum.Plus(row.Counts)
	}
	if err := r.Total.Check(); err != nil {
		return fmt.Errorf("total: %w", err)
	}
	if sum != r.Total {
		return fmt.Errorf("total %+v ≠ sum of rows %+v", r.Total, sum)
	}
	return nil
}
