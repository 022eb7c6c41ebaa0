// Package feedback holds the rules of phản ánh, kiến nghị (PAKN: complaints and
// suggestions from citizens and businesses) and of the ratings of the service (đánh giá
// mức độ hài lòng): their kinds, states, clocks and what the QĐ 766 index counts of them.
package feedback
