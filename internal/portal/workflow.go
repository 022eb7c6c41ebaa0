package portal

import (
	"motcua/internal/fault"
	"motcua/internal/org"
)

// Action is a step of the editorial workflow (thao tác biên tập).
type Action string

// The actions.
const (
	Edit      Action = "edit"      // soạn, sửa
	Submit    Action = "submit"    // gửi duyệt
	Approve   Action = "approve"   // duyệt và đăng (ngay hoặc hẹn giờ)
	Return    Action = "return"    // trả lại biên tập viên
	Unpublish Action = "unpublish" // gỡ bài
)

// Actor is who acts: an officer's roles and unit.
type Actor struct {
	Username string
	UnitCode string
	Roles    []org.Role
}

func (a Actor) has(r org.Role) bool {
	for _, x := range a.Roles {
		if x == r {
			return true
		}
	}
	return false
}

// Decide says whether the actor may take the action on the article (its zero value for a
// new article), and returns the state the article moves to. Editors (biên tập viên) write
// and submit, leaders (lãnh đạo) approve, send back and unpublish; an administrator does
// neither. Everyone works only on the content of their own unit. Errors are
// fault.Forbidden (role or unit) or fault.Conflict (state).
func Decide(actor Actor, action Action, a Article) (State, error) {
	if a.UnitCode != "" && a.UnitCode != actor.UnitCode {
		return "", fault.New(fault.Forbidden, "Bạn chỉ được biên tập nội dung của đơn vị mình.")
	}
	editor, leader := actor.has(org.Editor), actor.has(org.Leader)
	switch action {
	case Edit:
		if !editor {
			return "", fault.New(fault.Forbidden, "Chỉ biên tập viên được soạn, sửa bài viết.")
		}
		if a.State == Submitted {
			return "", fault.New(fault.Conflict, "Bài đang chờ lãnh đạo duyệt: chờ duyệt xong hoặc bị trả lại mới sửa được.")
		}
		// Editing a published article takes it back to draft: it needs approval again.
		return Draft, nil
	case Submit:
		if !editor {
			return "", fault.New(fault.Forbidden, "Chỉ biên tập viên được gửi bài đi duyệt.")
		}
		if a.State != Draft && a.State != Unpublished {
			return "", fault.New(fault.Conflict, "Chỉ gửi duyệt được bản nháp hoặc bài đã gỡ.")
		}
		return Submitted, nil
	case Approve:
		if !leader {
			return "", fault.New(fault.Forbidden, "Biên tập viên không được tự đăng bài: bài phải được lãnh đạo đơn vị duyệt.")
		}
		if a.State != Submitted {
			return "", fault.New(fault.Conflict, "Chỉ duyệt được bài đang chờ duyệt.")
		}
		return Published, nil
	case Return:
		if !leader {
			return "", fault.New(fault.Forbidden, "Chỉ lãnh đạo đơn vị được trả lại bài.")
		}
		if a.State != Submitted {
			return "", fault.New(fault.Conflict, "Chỉ trả lại được bài đang chờ duyệt.")
		}
		return Draft, nil
	case Unpublish:
		if !leader && !editor {
			return "", fault.New(fault.Forbidden, "Chỉ lãnh đạo hoặc biên tập viên của đơn vị được gỡ bài.")
		}
		if a.State != Published {
			return "", fault.New(fault.Conflict, "Chỉ gỡ được bài đã duyệt đăng.")
		}
		return Unpublished, nil
	}
	return "", fault.New(fault.Invalid, "Thao tác không hợp lệ.")
}
