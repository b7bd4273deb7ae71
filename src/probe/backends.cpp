// Tries each function-tracing backend with a program that only returns 0, so the reason a
// backend is missing is the kernel's own answer, not a guess from the version.
#include "backends.h"

#include "error.h"
#include "kernel_info.h"
#include "unique_fd.h"

#include <QCoreApplication>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/perf_event.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace nt {
namespace {

// r0 = 0; exit
const std::array<bpf_insn, 2> kReturnZero = {
    bpf_insn{BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 0},
    bpf_insn{BPF_JMP | BPF_EXIT, 0, 0, 0, 0},
};

std::string errnoText(int err) {
    return std::strerror(err < 0 ? -err : err);
}

UniqueFd loadTiny(bpf_prog_type type, bpf_attach_type attach, __u32 attachBtfId, int &err) {
    LIBBPF_OPTS(bpf_prog_load_opts, opts, .expected_attach_type = attach,
                .attach_btf_id = attachBtfId);
    const int fd =
        bpf_prog_load(type, "nt_probe_check", "GPL", kReturnZero.data(), kReturnZero.size(), &opts);
    err = fd < 0 ? errno : 0;
    return UniqueFd(fd);
}

std::string checkKprobeMulti(const std::string &fn) {
    int err = 0;
    const UniqueFd prog = loadTiny(BPF_PROG_TYPE_KPROBE, BPF_TRACE_KPROBE_MULTI, 0, err);
    if (!prog) {
        return QCoreApplication::translate(
                   "nt::Backend", "the kernel does not know kprobe.multi programs (Linux 5.18 or "
                                  "newer): %1")
            .arg(QString::fromStdString(errnoText(err)))
            .toStdString();
    }
    const char *syms[] = {fn.c_str()};
    LIBBPF_OPTS(bpf_link_create_opts, lopts);
    lopts.kprobe_multi.syms = syms;
    lopts.kprobe_multi.cnt = 1;
    const UniqueFd link(bpf_link_create(prog.get(), 0, BPF_TRACE_KPROBE_MULTI, &lopts));
    if (!link) {
        const int e = errno;
        if (e == EOPNOTSUPP) {
            return QCoreApplication::translate("nt::Backend",
                                               "this kernel was built without CONFIG_FPROBE, which "
                                               "kprobe.multi needs")
                .toStdString();
        }
        return QCoreApplication::translate("nt::Backend",
                                           "attaching a kprobe.multi program to %1 failed: %2")
            .arg(QString::fromStdString(fn), QString::fromStdString(errnoText(e)))
            .toStdString();
    }
    return {};
}

std::string checkKprobe(const std::string &fn) {
    std::ifstream typeFile("/sys/bus/event_source/devices/kprobe/type");
    int pmuType = -1;
    if (!(typeFile >> pmuType)) {
        return QCoreApplication::translate(
                   "nt::Backend", "kprobes are not enabled in this kernel (CONFIG_KPROBES, "
                                  "CONFIG_KPROBE_EVENTS): "
                                  "/sys/bus/event_source/devices/kprobe is missing")
            .toStdString();
    }
    int err = 0;
    const UniqueFd prog = loadTiny(BPF_PROG_TYPE_KPROBE, static_cast<bpf_attach_type>(0), 0, err);
    if (!prog) {
        return QCoreApplication::translate("nt::Backend",
                                           "the kernel refused a kprobe BPF program: %1")
            .arg(QString::fromStdString(errnoText(err)))
            .toStdString();
    }
    perf_event_attr attr{};
    attr.size = sizeof attr;
    attr.type = static_cast<__u32>(pmuType);
    attr.config1 = reinterpret_cast<uintptr_t>(fn.c_str());
    const UniqueFd event(
        static_cast<int>(syscall(__NR_perf_event_open, &attr, -1, 0, -1, PERF_FLAG_FD_CLOEXEC)));
    if (!event) {
        return QCoreApplication::translate("nt::Backend", "creating a kprobe on %1 failed: %2")
            .arg(QString::fromStdString(fn), QString::fromStdString(errnoText(errno)))
            .toStdString();
    }
    if (ioctl(event.get(), PERF_EVENT_IOC_SET_BPF, prog.get()) != 0) {
        return QCoreApplication::translate("nt::Backend",
                                           "attaching a BPF program to a kprobe failed: %1")
            .arg(QString::fromStdString(errnoText(errno)))
            .toStdString();
    }
    return {};
}

std::string checkFentry(const std::string &fn) {
    const int btfId = libbpf_find_vmlinux_btf_id(fn.c_str(), BPF_TRACE_FENTRY);
    if (btfId < 0) {
        return QCoreApplication::translate(
                   "nt::Backend", "the kernel's BTF does not describe %1, which fentry needs")
            .arg(QString::fromStdString(fn))
            .toStdString();
    }
    int err = 0;
    const UniqueFd prog =
        loadTiny(BPF_PROG_TYPE_TRACING, BPF_TRACE_FENTRY, static_cast<__u32>(btfId), err);
    if (!prog) {
        if (err == EPERM) {
            return QCoreApplication::translate(
                       "nt::Backend",
                       "the kernel refused fentry programs (EPERM): a security policy "
                       "(lockdown) or a kernel without BPF "
                       "trampolines "
                       "(CONFIG_DYNAMIC_FTRACE_WITH_DIRECT_CALLS)")
                .toStdString();
        }
        return QCoreApplication::translate("nt::Backend",
                                           "the kernel refused an fentry program: %1")
            .arg(QString::fromStdString(errnoText(err)))
            .toStdString();
    }
    const UniqueFd link(bpf_raw_tracepoint_open(nullptr, prog.get()));
    if (!link) {
        return QCoreApplication::translate("nt::Backend",
                                           "attaching an fentry program to %1 failed: %2")
            .arg(QString::fromStdString(fn), QString::fromStdString(errnoText(errno)))
            .toStdString();
    }
    return {};
}

} // namespace

const char *backendName(Backend backend) {
    switch (backend) {
    case Backend::KprobeMulti:
        return "kprobe-multi";
    case Backend::Kprobe:
        return "kprobe";
    case Backend::Fentry:
        return "fentry";
    case Backend::Tracepoint:
        return "tracepoint";
    }
    return "?";
}

std::optional<Backend> backendFromName(const std::string &name, bool *ok) {
    *ok = true;
    if (name == "auto" || name.empty()) {
        return std::nullopt;
    }
    for (Backend b :
         {Backend::KprobeMulti, Backend::Kprobe, Backend::Fentry, Backend::Tracepoint}) {
        if (name == backendName(b)) {
            return b;
        }
    }
    *ok = false;
    return std::nullopt;
}

std::vector<BackendCheck> checkBackends(const std::string &probeFunction) {
    quietLibbpf();
    std::vector<BackendCheck> checks;
    const bool root = geteuid() == 0;
    for (Backend b : {Backend::KprobeMulti, Backend::Kprobe, Backend::Fentry}) {
        BackendCheck c{b, false, {}};
        if (!root) {
            c.reason = "only root can load BPF programs to find out";
        } else if (probeFunction.empty()) {
            c.reason = "no kernel function with an sk_buff argument was discovered";
        } else {
            c.reason = b == Backend::KprobeMulti ? checkKprobeMulti(probeFunction)
                       : b == Backend::Kprobe    ? checkKprobe(probeFunction)
                                                 : checkFentry(probeFunction);
            c.available = c.reason.empty();
        }
        checks.push_back(std::move(c));
    }
    checks.push_back({Backend::Tracepoint, true, {}});
    return checks;
}

Backend chooseBackend(std::optional<Backend> requested, const std::vector<BackendCheck> &checks) {
    for (const BackendCheck &c : checks) {
        if (requested && c.backend != *requested) {
            continue;
        }
        if (c.available) {
            return c.backend;
        }
        if (requested) {
            throw Error(
                QCoreApplication::translate("nt::Backend", "the %1 backend is not available: %2")
                    .arg(QString::fromLatin1(backendName(c.backend)),
                         QString::fromStdString(c.reason)));
        }
    }
    return Backend::Tracepoint;
}

} // namespace nt
