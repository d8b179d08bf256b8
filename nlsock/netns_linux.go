//go:build linux

package nlsock

import (
	"os"
	"runtime"

	"golang.org/x/sys/unix"
)

// openSocket creates the netlink socket, in cfg's network namespace if it
// names one.
func openSocket(family int, cfg *Config) (int, error) {
	if cfg.NetNS == "" && cfg.NetNSFD == 0 {
		return socket(family)
	}
	target := cfg.NetNSFD
	if target == 0 {
		fd, err := unix.Open(cfg.NetNS, unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != nil {
			return -1, &os.PathError{Op: "open", Path: cfg.NetNS, Err: err}
		}
		defer unix.Close(fd)
		target = fd
	}
	type result struct {
		fd  int
		err error
	}
	ch := make(chan result, 1)
	// A goroutine of its own, locked to its thread: if the thread cannot
	// be moved back to its namespace, the goroutine exits still locked
	// and the runtime terminates the thread instead of reusing it.
	go func() {
		runtime.LockOSThread()
		fd, err, restored := socketInNetNS(family, target)
		if restored {
			runtime.UnlockOSThread()
		}
		ch <- result{fd, err}
	}()
	r := <-ch
	return r.fd, r.err
}

// socketInNetNS moves the calling (locked) thread into the namespace
// target, creates the socket there and moves the thread back. restored
// reports whether the thread is back in its original namespace.
func socketInNetNS(family, target int) (fd int, err error, restored bool) {
	orig, err := unix.Open("/proc/thread-self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return -1, &os.PathError{Op: "open", Path: "/proc/thread-self/ns/net", Err: err}, true
	}
	defer unix.Close(orig)
	if err := unix.Setns(target, unix.CLONE_NEWNET); err != nil {
		return -1, os.NewSyscallError("setns", err), true
	}
	fd, err = socket(family)
	if rerr := unix.Setns(orig, unix.CLONE_NEWNET); rerr != nil {
		if err == nil {
			unix.Close(fd)
		}
		return -1, os.NewSyscallError("setns (restoring the thread's namespace)", rerr), false
	}
	return fd, err, true
}

func socket(family int) (int, error) {
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC|unix.SOCK_NONBLOCK, family)
	if err != nil {
		return -1, os.NewSyscallError("socket", err)
	}
	return fd, nil
}
