package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/feedback"
	"motcua/internal/report"
	"motcua/internal/store"
)

// feedbackVolume describes the phản ánh, kiến nghị of one demo unit over the history:
// how many a year, and the shares refused, asked for more information and answered late.
type feedbackVolume struct {
	Unit, Staff                  string
	PerYear                      float64
	Refuse, AskInfo, Late, Rated float64
	// Liked is the share of rated answers the sender liked.
	Liked float64
}

// feedbackSetting records that the demo PAKN were written, so that a restart does not
// write them twice.
const feedbackSetting = "demo.feedback"

// demoTopics are invented PAKN by kind: a title and the text of the question and answer.
var demoTopics = map[feedback.Kind][][3]string{
	feedback.KindRegulation: {
		{"Giờ tiếp nhận hồ sơ", "Đề nghị Bộ phận Một cửa tiếp nhận hồ sơ vào sáng thứ Bảy để người đi làm có thể nộp.", "Từ tháng tới, Trung tâm tiếp nhận hồ sơ vào sáng thứ Bảy hằng tuần, từ 7:30 đến 11:30."},
		{"Lệ phí chứng thực", "Xin hỏi lệ phí chứng thực bản sao từ bản chính tính theo trang hay theo bản?", "Lệ phí chứng thực bản sao là 2.000 đồng/trang; từ trang thứ ba thu 1.000 đồng/trang, tối đa 200.000 đồng/bản."},
		{"Giấy tờ đăng ký khai sinh", "Khi đăng ký khai sinh cho con có cần mang sổ hộ khẩu không?", "Không cần sổ hộ khẩu: cán bộ khai thác thông tin cư trú từ Cơ sở dữ liệu quốc gia về dân cư."},
		{"Nộp hồ sơ trực tuyến", "Đề nghị hướng dẫn cách nộp hồ sơ chứng thực trực tuyến trên điện thoại.", "Đơn vị đã đăng hướng dẫn từng bước tại mục Thủ tục hành chính và bố trí cán bộ hỗ trợ tại Trung tâm."},
		{"Bãi gửi xe", "Đề nghị bố trí thêm chỗ để xe cho người dân đến làm thủ tục vào buổi sáng.", "UBND thị trấn đã mở thêm khu để xe phía sau trụ sở, miễn phí cho người đến làm thủ tục."},
	},
	feedback.KindDossier: {
		{"Hồ sơ chưa nhận được kết quả", "Hồ sơ của tôi đã đến ngày hẹn nhưng chưa nhận được tin nhắn báo kết quả.", "Kết quả đã có từ ngày hẹn; tin nhắn chưa gửi được do số điện thoại ghi sai một số. Đơn vị đã liên hệ và trả kết quả."},
		{"Yêu cầu bổ sung giấy tờ", "Vì sao hồ sơ của tôi bị yêu cầu bổ sung bản sao giấy tờ đã nộp?", "Bản sao đã nộp bị mờ phần số giấy tờ; đơn vị đã hướng dẫn chụp lại và không tính thời gian chờ bổ sung là trễ hạn."},
	},
	feedback.KindConduct: {
		{"Thái độ tiếp dân", "Cán bộ tiếp nhận trả lời thiếu kiên nhẫn khi tôi hỏi lại thủ tục.", "Lãnh đạo đã nhắc nhở cán bộ và tổ chức rút kinh nghiệm về thái độ phục vụ tại cuộc họp cơ quan."},
	},
}

// loadFeedbackHistory writes the demo units' PAKN over the history ending at now, each
// with the events of its life at working instants of the unit's calendar, once.
func loadFeedbackHistory(ctx context.Context, st *store.Store, now time.Time, plan historyPlan) error {
	if len(plan.Feedback) == 0 {
		return nil
	}
	if v, err := st.Setting(ctx, feedbackSetting, ""); err != nil || v == historyDone {
		return err
	}
	existing, err := st.FeedbackList(ctx, store.FeedbackFilter{Unit: plan.Feedback[0].Unit, Limit: 1})
	if err != nil {
		return err
	}
	if len(existing) == 0 {
		for i, v := range plan.Feedback {
			if err := feedbackOfUnit(ctx, st, now, plan.Days, v, rand.New(rand.NewPCG(historySeed, uint64(100+i)))); err != nil {
				return fmt.Errorf("demo: feedback of %s: %w", v.Unit, err)
			}
		}
	}
	return st.PutSetting(ctx, feedbackSetting, historyDone)
}

func feedbackOfUnit(ctx context.Context, st *store.Store, now time.Time, days int, v feedbackVolume, r *rand.Rand) error {
	cal, err := st.UnitCalendar(ctx, v.Unit)
	if err != nil {
		return err
	}
	unit, err := st.Unit(ctx, v.Unit)
	if err != nil {
		return err
	}
	locality := strings.TrimPrefix(unit.Name, "UBND ")
	cutoff := calendar.DateOf(now).Start()
	from := cutoff.AddDate(0, 0, -days)
	p, err := report.NewPeriod(calendar.DateOf(from), calendar.DateOf(cutoff))
	if err != nil {
		return err
	}
	dossiers, err := st.ReportDossiers(ctx, v.Unit, false, p)
	if err != nil {
		return err
	}
	n := int(v.PerYear*float64(days)/365 + 0.5)
	for i := range n {
		// Spread over the history, at a working instant.
		day := calendar.DateOf(from.Add(time.Duration((float64(i) + r.Float64()) / float64(n) * float64(cutoff.Sub(from)))))
		at := day.Start().Add(7*time.Hour + time.Duration(r.IntN(570))*time.Minute)
		at, err = cal.DueOnly(at, calendar.Deadline{Days: 0.01})
		if err != nil {
			return err
		}
		if !at.Before(cutoff) {
			continue
		}
		kind := feedback.KindRegulation
		switch x := r.Float64(); {
		case x < 0.2:
			kind = feedback.KindDossier
		case x < 0.3:
			kind = feedback.KindConduct
		}
		topics := demoTopics[kind]
		topic := topics[r.IntN(len(topics))]
		who := fakeApplicant(r, locality)
		sub := feedback.Submission{UnitCode: v.Unit, Kind: kind, Title: topic[0], Content: topic[1],
			Sender: feedback.Sender{Name: who.FullName, Phone: who.Phone}}
		if kind == feedback.KindDossier {
			sub.DossierCode = demoDossierBefore(dossiers, at, r)
			if sub.DossierCode == "" {
				sub.Kind, topic = feedback.KindRegulation, demoTopics[feedback.KindRegulation][0]
				sub.Title, sub.Content = topic[0], topic[1]
			}
		}
		switch x := r.Float64(); {
		case x < 0.4:
			sub.Channel = feedback.ChannelHotline
		case x < 0.75:
			sub.Channel = feedback.ChannelWeb
		case x < 0.95:
			sub.Channel = feedback.ChannelAccount
		default:
			sub.Channel = feedback.ChannelOpen311
		}
		actor, role := "public", feedback.RoleSender
		if sub.Channel == feedback.ChannelHotline {
			actor, role = v.Staff+".motcua", feedback.RoleDesk
		}
		f, err := st.CreateFeedback(ctx, store.NewFeedback{Submission: sub, Actor: actor, Role: role, At: at}, store.FeedbackWrite{})
		if err != nil {
			return err
		}
		if err := demoFeedbackLife(ctx, st, cal, f.Record.Code, v, topic[2], at, cutoff, r); err != nil {
			return err
		}
	}
	return nil
}

// demoDossierBefore picks a dossier finished before the instant, "" when none.
func demoDossierBefore(ds []report.Dossier, at time.Time, r *rand.Rand) string {
	for range 20 {
		if len(ds) == 0 {
			return ""
		}
		d := ds[r.IntN(len(ds))]
		if !d.FinishedAt.IsZero() && d.FinishedAt.Before(at) && at.Sub(d.FinishedAt) < 60*24*time.Hour {
			return d.Code
		}
	}
	return ""
}

// demoFeedbackLife plays the officers' and the sender's actions on a demo PAKN, each at
// a working instant after the previous one, stopping at the cut-off (the last ones stay
// open).
func demoFeedbackLife(ctx context.Context, st *store.Store, cal *calendar.Calendar, code string, v feedbackVolume, answer string, at, cutoff time.Time, r *rand.Rand) error {
	t := at
	step := func(days float64) bool {
		next, err := cal.DueOnly(t, calendar.Deadline{Days: days})
		if err != nil || !next.Before(cutoff) {
			return false
		}
		t = next
		return true
	}
	do := func(c feedback.Command) error {
		c.At = t
		_, err := st.ActOnFeedback(ctx, code, func(f store.StoredFeedback) (feedback.Event, error) {
			return feedback.Decide(f.State, c)
		}, store.FeedbackWrite{})
		return err
	}
	desk, spec, lead := v.Staff+".motcua", v.Staff+".chuyenvien", v.Staff+".lanhdao"
	if !step(0.2 + r.Float64()*0.5) {
		return nil
	}
	if r.Float64() < v.Refuse {
		return do(feedback.Command{Action: feedback.ActionRefuse, Actor: desk, Role: feedback.RoleDesk,
			Reason: "Nội dung là khiếu nại theo Luật Khiếu nại, không thuộc phạm vi xử lý phản ánh, kiến nghị; đã hướng dẫn người gửi."})
	}
	if r.Float64() < v.AskInfo {
		if err := do(feedback.Command{Action: feedback.ActionRequestInfo, Actor: desk, Role: feedback.RoleDesk,
			Note: "Đề nghị cho biết thời gian và nơi xảy ra sự việc."}); err != nil {
			return err
		}
		if !step(1 + r.Float64()*3) {
			return nil
		}
		if err := do(feedback.Command{Action: feedback.ActionInfoReceived, Actor: desk, Role: feedback.RoleDesk,
			Note: "Người gửi bổ sung qua điện thoại."}); err != nil {
			return err
		}
	}
	class := feedback.ClassRegulation
	if f, err := st.Feedback(ctx, code); err == nil && f.Record.Kind == feedback.KindConduct {
		class = feedback.ClassConduct
	}
	if err := do(feedback.Command{Action: feedback.ActionClassify, Actor: desk, Role: feedback.RoleDesk, Class: class}); err != nil {
		return err
	}
	if err := do(feedback.Command{Action: feedback.ActionAssign, Actor: desk, Role: feedback.RoleDesk, Assignee: spec}); err != nil {
		return err
	}
	work := 3 + r.Float64()*8
	if r.Float64() < v.Late {
		work = 16 + r.Float64()*5
	}
	if !step(work) {
		return nil
	}
	if err := do(feedback.Command{Action: feedback.ActionDraft, Actor: spec, Role: feedback.RoleSpecialist, Answer: answer}); err != nil {
		return err
	}
	if !step(0.5 + r.Float64()) {
		return nil
	}
	for _, c := range []feedback.Command{
		{Action: feedback.ActionApprove, Actor: lead, Role: feedback.RoleLeader},
		{Action: feedback.ActionAnswer, Actor: desk, Role: feedback.RoleDesk},
	} {
		if err := do(c); err != nil {
			return err
		}
	}
	if !step(0.3 + r.Float64()) {
		return nil
	}
	if err := do(feedback.Command{Action: feedback.ActionPublish, Actor: desk, Role: feedback.RoleDesk}); err != nil {
		return err
	}
	if r.Float64() < v.Rated && step(1+r.Float64()*4) {
		reaction := feedback.ReactionLiked
		if r.Float64() >= v.Liked {
			reaction = feedback.ReactionDisliked
		}
		return do(feedback.Command{Action: feedback.ActionReact, Actor: "sender", Role: feedback.RoleSender, Reaction: reaction})
	}
	return nil
}
