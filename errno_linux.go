package nlwire

import "syscall"

// Is reports whether target is the syscall.Errno with e's number, so that
// errors.Is(err, syscall.EINVAL) holds for a kernel error carrying EINVAL.
func (e Errno) Is(target error) bool {
	t, ok := target.(syscall.Errno)
	return ok && int(t) == int(e)
}
