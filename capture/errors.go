package capture

import (
	"errors"
	"strconv"
)

// Errors about files and records, for errors.Is.
var (
	// ErrPseudoHeader: a record is shorter than the pseudo-header, or its
	// sll_hatype is not ARPHRD_NETLINK.
	ErrPseudoHeader = errors.New("bad netlink pseudo-header")
	// ErrLinkType: the file's link type, or the link type of the pcapng
	// interface a record was captured on, is not LINKTYPE_NETLINK.
	ErrLinkType = errors.New("link type is not LINKTYPE_NETLINK (253)")
	// ErrFormat: the file is neither pcap nor pcapng, or its file header
	// is damaged.
	ErrFormat = errors.New("not a pcap or pcapng file")
	// ErrTruncated: the file ends inside a header, a record or a block.
	ErrTruncated = errors.New("truncated file")
	// ErrFraming: a record header or a pcapng block contradicts itself or
	// its neighbours: a captured length above the original length or the
	// block, a block length that disagrees with its trailing copy, a
	// length beyond any sane bound, an option that overruns its block,
	// a packet of an interface the section never described.
	ErrFraming = errors.New("bad framing")
	// ErrTooLarge: a record is longer than Reader.LimitRecordSize allows; it
	// was passed over.
	ErrTooLarge = errors.New("record over the reader's limit")
)

// RecordError reports a malformed record, or a damaged file. Next returns
// a malformed record that the file's framing lets the Reader step over,
// with RecordErr set, and reading goes on; Err reports the damage that
// ended the reading. Its message names the record and its byte offset in
// the file, on one line:
//
//	capture: record 3 at file offset 1208: bad framing: caplen 40 exceeds origlen 20
//	capture: record 1 at file offset 64, offset 10 in the record: bad netlink pseudo-header
//	capture: interface description block at file offset 28 (before record 0): bad framing: ...
//	capture: file header: not a pcap or pcapng file: magic 0x6f6e
type RecordError struct {
	// Index is the record's number, from 0. For a block that is not a
	// record it is the number of the record that comes next; for the
	// file header, -1.
	Index int
	// Offset is the byte offset in the record (pseudo-header included)
	// of what is wrong, or -1 if the error is about the record as a whole.
	Offset int
	// FileOffset is the byte offset in the file of the record's header
	// (pcap) or of its block (pcapng).
	FileOffset int64
	// Block names what lies at FileOffset when the error is not about a
	// record: "file header", "section header block", "interface
	// description block", "block of type 0x5"; it is empty for a record.
	Block string
	// Err is the cause: it matches ErrPseudoHeader, ErrLinkType,
	// ErrFormat, ErrTruncated, ErrFraming or ErrTooLarge with errors.Is, or it is the
	// error of the underlying io.Reader.
	Err error
}

// Error returns the one-line message shown in the type's comment.
func (e *RecordError) Error() string {
	var b []byte
	switch {
	case e.Block == blockFileHeader:
		b = append(b, "capture: file header"...)
	case e.Block != "":
		b = append(b, "capture: "...)
		b = append(b, e.Block...)
		b = append(b, " at file offset "...)
		b = strconv.AppendInt(b, e.FileOffset, 10)
		b = append(b, " (before record "...)
		b = strconv.AppendInt(b, int64(e.Index), 10)
		b = append(b, ')')
	default:
		b = append(b, "capture: record "...)
		b = strconv.AppendInt(b, int64(e.Index), 10)
		b = append(b, " at file offset "...)
		b = strconv.AppendInt(b, e.FileOffset, 10)
		if e.Offset >= 0 {
			b = append(b, ", offset "...)
			b = strconv.AppendInt(b, int64(e.Offset), 10)
			b = append(b, " in the record"...)
		}
	}
	b = append(b, ": "...)
	if e.Err != nil {
		b = append(b, e.Err.Error()...)
	} else {
		b = append(b, "unknown error"...)
	}
	return string(b)
}

// Unwrap returns the cause.
func (e *RecordError) Unwrap() error { return e.Err }

// Names of what an error is about when it is not a record (RecordError.Block).
const (
	blockFileHeader = "file header"
	blockSection    = "section header block"
	blockInterface  = "interface description block"
)

// detail is one of the package's sentinel errors with the particulars of
// one occurrence: "sentinel: msg". It also matches another sentinel,
// also, if set (a truncated file header is ErrFormat and ErrTruncated).
type detail struct {
	err  error
	also error
	msg  string
}

func (d *detail) Error() string { return d.err.Error() + ": " + d.msg }

func (d *detail) Unwrap() []error {
	if d.also == nil {
		return []error{d.err}
	}
	return []error{d.err, d.also}
}

// itoa formats n in decimal; hex formats n as 0x...
func itoa[T int | int64 | uint16 | uint32 | uint64](n T) string {
	if n < 0 {
		return strconv.FormatInt(int64(n), 10)
	}
	return strconv.FormatUint(uint64(n), 10)
}

func hex(n uint32) string { return "0x" + strconv.FormatUint(uint64(n), 16) }
