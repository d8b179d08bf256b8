package capture

import (
	"encoding/binary"
	"time"
)

// The pcap format (libpcap's savefile.c, draft-ietf-opsawg-pcap): a
// 24-byte file header, then records of a 16-byte header and the bytes
// captured, all in the byte order the magic number shows.
const (
	pcapMagicMicros = 0xa1b2c3d4 // timestamps in microseconds
	pcapMagicNanos  = 0xa1b23c4d // timestamps in nanoseconds
	pcapFileHeader  = 24         // magic, version 2.4, thiszone, sigfigs, snaplen, linktype
	pcapRecordHdr   = 16         // ts_sec, ts_usec or ts_nsec, incl_len (caplen), orig_len
	pcapLinkMask    = 0x03ffffff // LT_LINKTYPE: the upper bits carry FCS information
)

// openPCAP reads a pcap file header.
func (r *Reader) openPCAP() error {
	h, err := r.read(pcapFileHeader)
	if len(h) >= 4 {
		switch m := binary.LittleEndian.Uint32(h); m {
		case pcapMagicMicros, pcapMagicNanos:
			r.nanos = m == pcapMagicNanos
		default:
			switch binary.BigEndian.Uint32(h) {
			case pcapMagicMicros, pcapMagicNanos:
				r.big = true
				r.nanos = binary.BigEndian.Uint32(h) == pcapMagicNanos
			default:
				return r.headerError(ErrFormat, nil, "magic "+hex(binary.BigEndian.Uint32(h)), nil)
			}
		}
	}
	if len(h) < pcapFileHeader {
		return r.headerError(ErrFormat, ErrTruncated, "pcap file header of "+itoa(pcapFileHeader)+" bytes, but the file ends after "+itoa(len(h)), err)
	}
	r.format = PCAP
	if major := r.u16(h[4:]); major != 2 {
		return r.headerError(ErrFormat, nil, "pcap version "+itoa(major)+"."+itoa(r.u16(h[6:])), nil)
	}
	if lt := r.u32(h[20:]) & pcapLinkMask; lt != LinkType {
		return r.headerError(ErrLinkType, nil, "link type "+itoa(lt), nil)
	}
	return nil
}

// nextPCAP reads a pcap record. The framing is a record header's caplen:
// a caplen above origlen is reported and read (tshark reads on too), a
// caplen above the file header's snap length is read whole (the writer
// of the file did not cut its records), a caplen beyond maxRecord ends
// the reading, as the next record's header can no longer be found.
func (r *Reader) nextPCAP() bool {
	start := r.off
	h, err := r.read(pcapRecordHdr)
	if len(h) < pcapRecordHdr {
		if len(h) == 0 && err != nil && isEOF(err) {
			r.err = err
			return false
		}
		return r.truncated(start, "", "record header", len(h), pcapRecordHdr, err)
	}
	sec, frac, caplen, origlen := r.u32(h), r.u32(h[4:]), r.u32(h[8:]), r.u32(h[12:])
	if caplen > maxRecord {
		return r.stop(start, "", ErrFraming, "caplen "+itoa(caplen)+" exceeds "+itoa(maxRecord)+": the records after it cannot be found", nil)
	}
	nsec := int64(frac)
	if !r.nanos {
		nsec *= 1000
	}
	t := time.Unix(int64(sec), nsec).UTC()
	if r.tooLarge(caplen) {
		if k, err := r.skip(int(caplen)); k < int(caplen) {
			return r.truncated(start, "", "record", k, int(caplen), err)
		}
		return r.badRecord(start, t, max(origlen, PseudoHeaderLen)-PseudoHeaderLen, ErrTooLarge, "caplen "+itoa(caplen)+" over the limit of "+itoa(r.limit))
	}
	data, err := r.read(int(caplen))
	if len(data) < int(caplen) {
		return r.truncated(start, "", "record", len(data), int(caplen), err)
	}
	return r.setRecord(start, data, origlen, t, DirectionUnknown)
}
