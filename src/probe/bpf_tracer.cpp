// libbpf side of a recording: tracepoints and kernel function probes.
#include "bpf_tracer.h"

#include "error.h"
#include "kernel_info.h"
#include "nft_trace_probe.h"
#include "probes.h"

#include "nt_trace.skel.h"

#include <QCoreApplication>

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <optional>

namespace nt {
namespace {

// What each program expects of its tracepoint's arguments, checked against the running
// kernel's BTF before loading, so a changed signature disables one probe instead of
// feeding it garbage.
struct ArgCheck {
    int index;
    const char *structName; // "" = an integer
};
// The skeleton's programs, typed: a spec names its program as a member, never by string.
using Programs = decltype(nt_trace::progs);
using ProgramMember = bpf_program *Programs::*;

struct ProgramSpec {
    ProgramMember program;
    uint16_t probe;
    std::vector<ArgCheck> args;
    // The program for the tracepoint's older form, which lacks the last argument of `args`.
    ProgramMember older = nullptr;
};

// Every tracepoint of the catalogue (bpf/nt_probes.h) with its program nt_<name>: a tracepoint
// without its program does not compile.
const std::vector<ProgramSpec> &programSpecs() {
#define NT_OLDER(program) &Programs::program
#define NT_NO_OLDER nullptr
#define NT_PROGRAM_SPEC(id, ENUM, name, subsystem, layer, older, ...)                              \
    {&Programs::nt_##name, NT_PROBE_##ENUM, {__VA_ARGS__}, older},
    static const std::vector<ProgramSpec> specs = {NT_TRACEPOINTS(NT_PROGRAM_SPEC)};
#undef NT_PROGRAM_SPEC
#undef NT_NO_OLDER
#undef NT_OLDER
    return specs;
}

// Empty when the first `count` checks of `args` hold for the tracepoint, or why not.
std::string checkArgs(const KernelBtf &btf, const std::string &tracepoint,
                      const std::vector<ArgCheck> &args, size_t count) {
    for (size_t i = 0; i < count && i < args.size(); ++i) {
        std::string error = btf.checkTracepointArg(tracepoint, args[i].index, args[i].structName);
        if (!error.empty()) {
            return error;
        }
    }
    return {};
}

size_t roundUpPow2(size_t v) {
    size_t p = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    while (p < v) {
        p <<= 1;
    }
    return p;
}

// How much may wait in the ring buffer before the programs wake the reader. Below it records are
// submitted without a wakeup: the recording loop reads every poll interval (100 ms) anyway, so a
// lone packet still shows within one interval, while a flood wakes the reader once per
// ~4000 events instead of once per read. An eighth of the ring leaves the reader seven eighths
// to catch up in.
size_t ringWakeupBytes(size_t ringBytes) {
    return std::min<size_t>(ringBytes / 8, size_t{256} << 10);
}

QString errnoText(int err) {
    return QString::fromUtf8(std::strerror(err < 0 ? -err : err));
}

} // namespace

void BpfTracer::SkelDeleter::operator()(nt_trace *s) const {
    nt_trace__destroy(s);
}
void BpfTracer::RingDeleter::operator()(ring_buffer *r) const {
    ring_buffer__free(r);
}
void BpfTracer::LinkDeleter::operator()(bpf_link *l) const {
    bpf_link__destroy(l);
}

namespace {

// Must match NT_FENTRY_ID_MAGIC in nt_trace.bpf.c: the immediate each fentry copy gets its probe
// id in place of.
constexpr int32_t kFentryIdMagic = 0x4e54f1d0;
constexpr size_t kSkbPrograms = 5;     // sk_buff at argument 1..5
constexpr size_t kPktinfoPrograms = 3; // nft_pktinfo at argument 1..3
constexpr size_t kPrograms = kSkbPrograms + kPktinfoPrograms;

// Which generic program reads this function's packet argument; kPrograms when none does.
size_t programIndex(const ProbeEntry &f) {
    const size_t arg = f.argPos;
    if (arg < 1 || arg > (f.pktinfo ? kPktinfoPrograms : kSkbPrograms)) {
        return kPrograms;
    }
    return (f.pktinfo ? kSkbPrograms : 0) + arg - 1;
}

// Where fentry finds a module's function: the module's BTF object in the kernel (by fd) and the
// function's type id in it.
struct ModuleTarget {
    UniqueFd btfFd;
    BtfPtr btf;
};

std::optional<ModuleTarget> moduleTarget(const std::string &module, const struct btf *vmlinux) {
    __u32 id = 0;
    while (bpf_btf_get_next_id(id, &id) == 0) {
        UniqueFd fd(bpf_btf_get_fd_by_id(id));
        if (!fd) {
            continue;
        }
        std::array<char, 64> name{};
        bpf_btf_info info{};
        info.name = reinterpret_cast<uintptr_t>(name.data());
        info.name_len = name.size();
        __u32 len = sizeof info;
        if (bpf_obj_get_info_by_fd(fd.get(), &info, &len) == 0 && module == name.data()) {
            ModuleTarget t;
            t.btf.reset(btf__load_from_kernel_by_id_split(id, const_cast<struct btf *>(vmlinux)));
            if (!t.btf) {
                return std::nullopt;
            }
            t.btfFd = std::move(fd);
            return t;
        }
    }
    return std::nullopt;
}

// Plain kprobes hold two descriptors per function (perf event and link), fentry copies two
// (program and link): thousands of functions pass the usual limit of 1024 open files.
void raiseFileLimit(size_t functions) {
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) != 0) {
        return;
    }
    const rlim_t need = static_cast<rlim_t>(functions) * 2 + 1024;
    if (lim.rlim_cur >= need) {
        return;
    }
    rlimit more = lim;
    more.rlim_cur = need;
    more.rlim_max = std::max(lim.rlim_max, need);
    if (setrlimit(RLIMIT_NOFILE, &more) != 0) {
        more.rlim_max = lim.rlim_max;
        more.rlim_cur = std::min(need, lim.rlim_max);
        setrlimit(RLIMIT_NOFILE, &more);
    }
}

} // namespace

bpf_program *BpfTracer::functionProgram(Backend backend, size_t i) const {
    auto &p = skel_->progs;
    // Per backend: sk_buff at argument 1..5, then nft_pktinfo at argument 1..3.
    const std::array<bpf_program *, kPrograms> multi = {
        p.nt_kprobe_multi_skb1, p.nt_kprobe_multi_skb2, p.nt_kprobe_multi_skb3,
        p.nt_kprobe_multi_skb4, p.nt_kprobe_multi_skb5, p.nt_kprobe_multi_pkt1,
        p.nt_kprobe_multi_pkt2, p.nt_kprobe_multi_pkt3};
    const std::array<bpf_program *, kPrograms> kprobe = {
        p.nt_kprobe_skb1, p.nt_kprobe_skb2, p.nt_kprobe_skb3, p.nt_kprobe_skb4,
        p.nt_kprobe_skb5, p.nt_kprobe_pkt1, p.nt_kprobe_pkt2, p.nt_kprobe_pkt3};
    const std::array<bpf_program *, kPrograms> fentry = {
        p.nt_fentry_skb1, p.nt_fentry_skb2, p.nt_fentry_skb3, p.nt_fentry_skb4,
        p.nt_fentry_skb5, p.nt_fentry_pkt1, p.nt_fentry_pkt2, p.nt_fentry_pkt3};
    if (i >= kPrograms) {
        return nullptr;
    }
    switch (backend) {
    case Backend::KprobeMulti:
        return multi[i];
    case Backend::Kprobe:
        return kprobe[i];
    case Backend::Fentry:
        return fentry[i];
    case Backend::Tracepoint:
        break;
    }
    return nullptr;
}

void BpfTracer::attachFunctions(const BpfTracerOptions &options, const struct btf *vmlinux) {
    std::array<std::vector<size_t>, kPrograms> byProgram;
    for (size_t i = 0; i < functions().size(); ++i) {
        const size_t p = programIndex(functions()[i]);
        if (p < kPrograms) {
            byProgram[p].push_back(i);
        } else {
            probes_[firstFunction_ + i].error = "no program reads its packet argument";
        }
    }
    for (const std::vector<size_t> &which : byProgram) {
        if (which.empty()) {
            continue;
        }
        bpf_program *prog =
            functionProgram(options.backend, programIndex(functions()[which.front()]));
        switch (options.backend) {
        case Backend::KprobeMulti:
            attachMulti(prog, which);
            break;
        case Backend::Kprobe:
            attachKprobes(prog, which);
            break;
        case Backend::Fentry:
            attachFentry(prog, which, vmlinux);
            break;
        case Backend::Tracepoint:
            break;
        }
    }
}

// kprobe.multi attaches all or nothing and does not say which name it refused: on a refusal
// the set is halved until the refused functions stand alone, each with the kernel's reason.
void BpfTracer::attachMulti(bpf_program *prog, const std::vector<size_t> &which) {
    std::vector<const char *> syms;
    std::vector<__u64> cookies;
    for (size_t i : which) {
        syms.push_back(functions()[i].name.c_str());
        cookies.push_back(NT_PROBE_FUNCTION_BASE + i);
    }
    LIBBPF_OPTS(bpf_kprobe_multi_opts, opts, .syms = syms.data(), .cookies = cookies.data(),
                .cnt = syms.size());
    bpf_link *link = bpf_program__attach_kprobe_multi_opts(prog, nullptr, &opts);
    if (link != nullptr) {
        links_.emplace_back(link);
        for (size_t i : which) {
            probes_[firstFunction_ + i].attached = true;
        }
        return;
    }
    const int err = errno;
    if (which.size() == 1) {
        probes_[firstFunction_ + which.front()].error =
            std::string("kprobe.multi refused it: ") + std::strerror(err);
        return;
    }
    const auto half = static_cast<std::ptrdiff_t>(which.size() / 2);
    attachMulti(prog, std::vector<size_t>(which.begin(), which.begin() + half));
    attachMulti(prog, std::vector<size_t>(which.begin() + half, which.end()));
}

void BpfTracer::attachKprobes(bpf_program *prog, const std::vector<size_t> &which) {
    for (size_t i : which) {
        LIBBPF_OPTS(bpf_kprobe_opts, opts, .bpf_cookie = NT_PROBE_FUNCTION_BASE + i);
        bpf_link *link = bpf_program__attach_kprobe_opts(prog, functions()[i].name.c_str(), &opts);
        if (link == nullptr) {
            probes_[firstFunction_ + i].error =
                std::string("kprobe refused it: ") + std::strerror(errno);
            continue;
        }
        links_.emplace_back(link);
        probes_[firstFunction_ + i].attached = true;
    }
}

namespace {

// Where the fentry template holds the probe id placeholder; insns.size() when it holds none.
size_t fentryIdSlot(const std::vector<bpf_insn> &insns) {
    for (size_t k = 0; k < insns.size(); ++k) {
        if (insns[k].code == (BPF_ALU64 | BPF_MOV | BPF_K) && insns[k].imm == kFentryIdMagic) {
            return k;
        }
    }
    return insns.size();
}

// The verifier needs the function layout of the copy (BTF func_info): the program itself at
// 0, and the one subprogram of nt_trace.bpf.c, the filter's bpf_loop callback eval_step,
// where the callback pointer in the instructions points. Empty `error` on success.
std::vector<bpf_func_info> fentryFuncInfo(const std::vector<bpf_insn> &insns,
                                          const struct btf *objBtf, const char *progName,
                                          std::string &error) {
    std::vector<__u32> starts{0};
    for (size_t k = 0; k < insns.size(); ++k) {
        const bpf_insn &x = insns[k];
        if ((x.code == (BPF_LD | BPF_IMM | BPF_DW) && x.src_reg == BPF_PSEUDO_FUNC) ||
            (x.code == (BPF_JMP | BPF_CALL) && x.src_reg == BPF_PSEUDO_CALL)) {
            starts.push_back(static_cast<__u32>(static_cast<int64_t>(k) + x.imm + 1));
        }
    }
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    const int mainId = btf__find_by_name_kind(objBtf, progName, BTF_KIND_FUNC);
    const int callbackId = btf__find_by_name_kind(objBtf, "eval_step", BTF_KIND_FUNC);
    std::vector<bpf_func_info> funcInfo;
    if (mainId <= 0 || callbackId <= 0 || starts.size() > 2) {
        error = "unexpected layout of the fentry program";
    } else {
        funcInfo.push_back({0, static_cast<__u32>(mainId)});
        if (starts.size() == 2) {
            funcInfo.push_back({starts[1], static_cast<__u32>(callbackId)});
        }
    }
    return funcInfo;
}

// The BTF type id fentry attaches `f` by (<= 0 when not found), and in `btfObjFd` the fd of the
// module's BTF object (0 for vmlinux). `modules` caches each module's lookup.
int fentryBtfId(const ProbeEntry &f, const struct btf *vmlinux,
                std::map<std::string, std::optional<ModuleTarget>> &modules, int &btfObjFd) {
    btfObjFd = 0;
    if (f.module.empty()) {
        return libbpf_find_vmlinux_btf_id(f.name.c_str(), BPF_TRACE_FENTRY);
    }
    auto it = modules.find(f.module);
    if (it == modules.end()) {
        it = modules.emplace(f.module, moduleTarget(f.module, vmlinux)).first;
    }
    if (!it->second) {
        return -1;
    }
    btfObjFd = it->second->btfFd.get();
    return btf__find_by_name_kind(it->second->btf.get(), f.name.c_str(), BTF_KIND_FUNC);
}

// The verifier's reason in its log: the last line before its "processed N insns" summary.
std::string verifierReason(const std::vector<char> &log) {
    std::string reason;
    std::string line;
    for (const char *c = log.data(); *c != '\0'; ++c) {
        if (*c != '\n') {
            line += *c;
            continue;
        }
        if (!line.empty() && !line.starts_with("processed ")) {
            reason = line;
        }
        line.clear();
    }
    return reason;
}

// Loads one fentry copy; on refusal, loads it again with the verifier's log to say why in
// `error`.
UniqueFd loadFentryCopy(const std::vector<bpf_insn> &insns, bpf_prog_load_opts &opts,
                        std::string &error) {
    UniqueFd progFd(bpf_prog_load(BPF_PROG_TYPE_TRACING, "nt_fentry", "GPL", insns.data(),
                                  insns.size(), &opts));
    if (progFd) {
        return progFd;
    }
    const int err = errno;
    std::vector<char> log(1 << 20);
    opts.log_buf = log.data();
    opts.log_size = static_cast<__u32>(log.size());
    opts.log_level = 1;
    UniqueFd again(bpf_prog_load(BPF_PROG_TYPE_TRACING, "nt_fentry", "GPL", insns.data(),
                                 insns.size(), &opts));
    error = std::string("fentry refused it: ") + std::strerror(err);
    if (const std::string reason = verifierReason(log); !reason.empty()) {
        error += " (" + reason + ")";
    }
    return progFd;
}

} // namespace

// An fentry program is bound to its function when it is loaded: each function gets a copy of
// the loaded template's final instructions with its probe id written in, loaded and attached.
void BpfTracer::attachFentry(bpf_program *prog, const std::vector<size_t> &which,
                             const struct btf *vmlinux) {
    const bpf_insn *insns = bpf_program__insns(prog);
    std::vector<bpf_insn> copy(insns, insns + bpf_program__insn_cnt(prog));
    const size_t magicAt = fentryIdSlot(copy);
    std::string layoutError;
    const std::vector<bpf_func_info> funcInfo =
        fentryFuncInfo(copy, bpf_object__btf(skel_->obj), bpf_program__name(prog), layoutError);
    std::map<std::string, std::optional<ModuleTarget>> modules;
    for (size_t i : which) {
        ProbeDesc &desc = probes_[firstFunction_ + i];
        if (magicAt == copy.size() || !layoutError.empty()) {
            desc.error = magicAt == copy.size() ? "the fentry program carries no probe id slot"
                                                : layoutError;
            continue;
        }
        const ProbeEntry &f = functions()[i];
        int btfObjFd = 0;
        const int btfId = fentryBtfId(f, vmlinux, modules, btfObjFd);
        if (btfId <= 0) {
            desc.error = f.module.empty() ? "not described by the kernel's BTF"
                                          : "not described by the BTF of module " + f.module;
            continue;
        }
        copy[magicAt].imm = static_cast<int32_t>(NT_PROBE_FUNCTION_BASE + i);
        LIBBPF_OPTS(bpf_prog_load_opts, opts, .expected_attach_type = BPF_TRACE_FENTRY,
                    .attach_btf_id = static_cast<__u32>(btfId),
                    .attach_btf_obj_fd = static_cast<__u32>(btfObjFd));
        {
            opts.prog_btf_fd = static_cast<__u32>(bpf_object__btf_fd(skel_->obj));
            opts.func_info = funcInfo.data();
            opts.func_info_cnt = static_cast<__u32>(funcInfo.size());
            opts.func_info_rec_size = sizeof(bpf_func_info);
        }
        UniqueFd progFd = loadFentryCopy(copy, opts, desc.error);
        if (!progFd) {
            continue;
        }
        UniqueFd linkFd(bpf_raw_tracepoint_open(nullptr, progFd.get()));
        if (!linkFd) {
            desc.error = std::string("fentry attach failed: ") + std::strerror(errno);
            continue;
        }
        fentryFds_.push_back(std::move(progFd));
        fentryFds_.push_back(std::move(linkFd));
        desc.attached = true;
    }
}

// Opens the object, chooses the programs and loads them: empty, or why the kernel refused.
std::string BpfTracer::load(const KernelBtf &btf, const BpfTracerOptions &options, bool withNft) {
    probes_.clear();
    catalogue_ = ProbeCatalogue(
        options.backend != Backend::Tracepoint ? options.functions : std::vector<KernelFunction>{},
        withNft ? nftProbe_.function : std::string());
    skel_.reset(nt_trace__open());
    if (!skel_) {
        return QCoreApplication::translate("nt::BpfTracer", "cannot open the BPF object: %1")
            .arg(errnoText(errno))
            .toStdString();
    }
    const size_t ringBytes = roundUpPow2(options.ringbufBytes);
    bpf_map__set_max_entries(skel_->maps.nt_records, static_cast<__u32>(ringBytes));
    // The recording's settings are constants of the programs (.rodata), fixed at load.
    skel_->rodata->nt_filter_cfg = options.filter;
    skel_->rodata->nt_netns = options.netns;
    skel_->rodata->nt_wakeup_bytes = ringWakeupBytes(ringBytes);

    describeTracepoints(btf);
    // Function programs: only the chosen backend's, and only for argument positions in use.
    disableFunctionPrograms();
    firstFunction_ = probes_.size();
    if (std::string error = chooseFunctionPrograms(options); !error.empty()) {
        return error;
    }

    if (withNft) {
        prepareNftProgram(options);
    }
    if (int err = nt_trace__load(skel_.get()); err != 0) {
        skel_.reset();
        loadErr_ = err;
        return (QCoreApplication::translate(
                    "nt::BpfTracer",
                    "the kernel refused the BPF programs (%1). Check that this kernel "
                    "allows BPF tracing programs (CONFIG_BPF_SYSCALL, "
                    "kernel.unprivileged_bpf_disabled does not matter for root) and that "
                    "no security module (lockdown=confidentiality) blocks them.")
                    .arg(errnoText(err)))
            .toStdString();
    }
    return {};
}

// One probe per tracepoint program; a program whose arguments this kernel lacks is left out,
// or replaced by its variant for the older argument list.
void BpfTracer::describeTracepoints(const KernelBtf &btf) {
    for (const ProgramSpec &spec : programSpecs()) {
        struct bpf_program *prog = skel_->progs.*spec.program;
        const ProbeEntry *entry = catalogue_.find(spec.probe);
        ProbeDesc desc;
        desc.id = spec.probe;
        desc.name = entry != nullptr ? entry->name : bpf_program__name(prog);
        desc.kind = probeKindName(ProbeKind::Tracepoint);
        desc.error = checkArgs(btf, desc.name, spec.args, spec.args.size());
        if (spec.older != nullptr) {
            struct bpf_program *older = skel_->progs.*spec.older;
            const bool useOlder =
                !desc.error.empty() &&
                checkArgs(btf, desc.name, spec.args, spec.args.size() - 1).empty();
            bpf_program__set_autoload(older, useOlder);
            if (useOlder) {
                desc.error.clear();
                bpf_program__set_autoload(prog, false);
            }
        }
        if (!desc.error.empty()) {
            bpf_program__set_autoload(prog, false);
        }
        probes_.push_back(std::move(desc));
    }
}

// Turns off every function and nft program; the chosen ones are turned on again later.
void BpfTracer::disableFunctionPrograms() {
    for (Backend b : {Backend::KprobeMulti, Backend::Kprobe, Backend::Fentry}) {
        for (size_t i = 0; i < kPrograms; ++i) {
            bpf_program__set_autoload(functionProgram(b, i), false);
        }
    }
    for (Backend b : {Backend::KprobeMulti, Backend::Kprobe, Backend::Fentry}) {
        for (int v : {1, 2}) {
            bpf_program__set_autoload(nftProgram(b, v), false);
        }
    }
    for (bpf_program *prog :
         {skel_->progs.nt_fentry_nft_chain, skel_->progs.nt_fexit_nft_chain,
          skel_->progs.nt_kprobe_nft_chain, skel_->progs.nt_kretprobe_nft_chain}) {
        bpf_program__set_autoload(prog, false);
    }
}

// Adds one probe per function and turns on the generic programs their argument positions need:
// empty, or why the fentry template could not be prepared.
std::string BpfTracer::chooseFunctionPrograms(const BpfTracerOptions &options) {
    std::array<bool, kPrograms> programUsed{};
    for (const ProbeEntry &f : functions()) {
        ProbeDesc desc;
        desc.id = f.id;
        desc.name = f.name;
        desc.kind = backendName(options.backend);
        probes_.push_back(std::move(desc));
        const size_t p = programIndex(f);
        if (p >= kPrograms || programUsed[p]) {
            continue;
        }
        programUsed[p] = true;
        bpf_program *prog = functionProgram(options.backend, p);
        bpf_program__set_autoload(prog, true);
        if (options.backend == Backend::Fentry) {
            // The template is verified against the most important function at its position;
            // every function gets its own copy later.
            if (int err = bpf_program__set_attach_target(prog, 0, f.name.c_str()); err != 0) {
                return QCoreApplication::translate("nt::BpfTracer",
                                                   "cannot prepare fentry for %1: %2")
                    .arg(QString::fromStdString(f.name), errnoText(err))
                    .toStdString();
            }
        }
    }
    return {};
}

bpf_program *BpfTracer::nftProgram(Backend backend, int version) const {
    auto &p = skel_->progs;
    switch (backend) {
    case Backend::KprobeMulti:
        return version == 1 ? p.nt_kprobe_multi_nft_v1 : p.nt_kprobe_multi_nft_v2;
    case Backend::Kprobe:
        return version == 1 ? p.nt_kprobe_nft_v1 : p.nt_kprobe_nft_v2;
    case Backend::Fentry:
        return version == 1 ? p.nt_fentry_nft_v1 : p.nt_fentry_nft_v2;
    case Backend::Tracepoint:
        break;
    }
    return nullptr;
}

// The nft trace program of the backend and the kernel's signature; its probe id follows the
// functions'.
void BpfTracer::prepareNftProgram(const BpfTracerOptions &options) {
    bpf_program *prog = nftProgram(options.backend, nftProbe_.version);
    if (prog == nullptr || catalogue_.netfilter() == nullptr) {
        return;
    }
    bpf_program__set_autoload(prog, true);
    if (options.backend == Backend::Fentry) {
        bpf_program__set_attach_target(prog, 0, nftProbe_.function.c_str());
    }
    skel_->rodata->nt_nft_probe_id = catalogue_.netfilter()->id;
    if (!nftProbe_.chainError.empty()) {
        return;
    }
    // nft_do_chain's entry and return (kprobe.multi backends use plain kprobes here: two
    // probes).
    if (options.backend == Backend::Fentry) {
        for (bpf_program *prog :
             {skel_->progs.nt_fentry_nft_chain, skel_->progs.nt_fexit_nft_chain}) {
            bpf_program__set_autoload(prog, true);
            bpf_program__set_attach_target(prog, 0, nftProbe_.chainFunction.c_str());
        }
    } else {
        bpf_program__set_autoload(skel_->progs.nt_kprobe_nft_chain, true);
        bpf_program__set_autoload(skel_->progs.nt_kretprobe_nft_chain, true);
    }
}

// The chain-verdict programs (see prepareNftProgram); a refusal only loses the chain verdicts.
void BpfTracer::attachNftChain(const BpfTracerOptions &options) {
    if (!nftProbe_.chainError.empty()) {
        return;
    }
    const char *fn = nftProbe_.chainFunction.c_str();
    const bool fentry = options.backend == Backend::Fentry;
    LinkPtr entry(fentry ? bpf_program__attach(skel_->progs.nt_fentry_nft_chain)
                         : bpf_program__attach_kprobe(skel_->progs.nt_kprobe_nft_chain, false, fn));
    if (!entry) {
        nftProbe_.chainError =
            std::string(fentry ? "fentry" : "kprobe") + " refused it: " + std::strerror(errno);
        return;
    }
    LinkPtr exit(fentry
                     ? bpf_program__attach(skel_->progs.nt_fexit_nft_chain)
                     : bpf_program__attach_kprobe(skel_->progs.nt_kretprobe_nft_chain, true, fn));
    if (!exit) {
        nftProbe_.chainError =
            std::string(fentry ? "fexit" : "kretprobe") + " refused it: " + std::strerror(errno);
        return;
    }
    links_.push_back(std::move(entry));
    links_.push_back(std::move(exit));
}

void BpfTracer::attachNft(const BpfTracerOptions &options) {
    if (nftProbe_.version == 0) {
        return;
    }
    const ProbeEntry *entry = catalogue_.netfilter();
    if (entry == nullptr) {
        return;
    }
    ProbeDesc desc;
    desc.id = entry->id;
    desc.name = entry->name;
    desc.kind = probeKindName(entry->kind); // attached with the functions' backend
    bpf_program *prog = nftProgram(options.backend, nftProbe_.version);
    bpf_link *link = nullptr;
    switch (options.backend) {
    case Backend::KprobeMulti: {
        const char *sym = nftProbe_.function.c_str();
        LIBBPF_OPTS(bpf_kprobe_multi_opts, opts, .syms = &sym, .cnt = 1);
        link = bpf_program__attach_kprobe_multi_opts(prog, nullptr, &opts);
        break;
    }
    case Backend::Kprobe:
        link = bpf_program__attach_kprobe(prog, false, nftProbe_.function.c_str());
        break;
    case Backend::Fentry:
        link = bpf_program__attach(prog);
        break;
    case Backend::Tracepoint:
        break;
    }
    if (link == nullptr) {
        desc.error =
            std::string(backendName(options.backend)) + " refused it: " + std::strerror(errno);
        nftProbe_.error = desc.error;
        nftProbe_.version = 0;
    } else {
        links_.emplace_back(link);
        desc.attached = true;
        attachNftChain(options);
    }
    probes_.push_back(std::move(desc));
}

BpfTracer::BpfTracer(const KernelBtf &btf, const BpfTracerOptions &options) {
    if (geteuid() != 0) {
        throw Error(QCoreApplication::translate(
            "nt::BpfTracer", "recording needs root: BPF programs and the nftables trace table can "
                             "only be installed by root. Run `sudo nft-tracer-cli record ...`."));
    }
    quietLibbpf();
    nftProbe_ = options.nftTrace && options.backend != Backend::Tracepoint
                    ? findNftTraceProbe(btf.raw())
                    : NftTraceProbe{};
    if (options.nftTrace && options.backend == Backend::Tracepoint) {
        nftProbe_.error = "no function probes (tracepoints only)";
        nftProbe_.chainError = nftProbe_.error;
    }
    // The nft trace program loads with the others: should the kernel refuse it, everything
    // is loaded again without it and nft tracing falls back to netlink.
    for (bool withNft = nftProbe_.version != 0;; withNft = false) {
        const std::string refused = load(btf, options, withNft);
        if (refused.empty()) {
            break;
        }
        if (!withNft) {
            throw Error(QString::fromStdString(refused));
        }
        nftProbe_.version = 0;
        nftProbe_.error = std::string("the kernel refused the program (") +
                          std::strerror(loadErr_ < 0 ? -loadErr_ : loadErr_) + ")";
        nftProbe_.chainError = nftProbe_.error;
    }

    for (size_t i = 0; i < programSpecs().size(); ++i) {
        ProbeDesc &desc = probes_[i];
        if (!desc.error.empty()) {
            continue;
        }
        const ProgramSpec &spec = programSpecs()[i];
        struct bpf_program *prog = skel_->progs.*spec.program;
        if (spec.older != nullptr && !bpf_program__autoload(prog)) {
            prog = skel_->progs.*spec.older;
        }
        struct bpf_link *link = bpf_program__attach(prog);
        if (link == nullptr) {
            desc.error = std::string("attach failed: ") + std::strerror(errno);
            continue;
        }
        // The skeleton owns the links array entries and destroys them with the skeleton.
        for (int l = 0; l < skel_->skeleton->prog_cnt; ++l) {
            if (*skel_->skeleton->progs[l].prog == prog) {
                *skel_->skeleton->progs[l].link = link;
            }
        }
        desc.attached = true;
    }
    if (options.backend == Backend::Kprobe || options.backend == Backend::Fentry) {
        raiseFileLimit(functions().size());
    }
    const auto attachStart = std::chrono::steady_clock::now();
    attachFunctions(options, btf.raw());
    attachNft(options);
    functionAttachNs_ = static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                                  std::chrono::steady_clock::now() - attachStart)
                                                  .count());
    if (attachedCount() == 0) {
        throw Error(
            QCoreApplication::translate("nt::BpfTracer", "no tracepoint could be attached: %1")
                .arg(QString::fromStdString(probes_.front().error)));
    }

    ring_.reset(
        ring_buffer__new(bpf_map__fd(skel_->maps.nt_records), &BpfTracer::onRecord, this, nullptr));
    if (!ring_) {
        throw Error(
            QCoreApplication::translate("nt::BpfTracer", "cannot map the BPF ring buffer: %1")
                .arg(errnoText(errno)));
    }
}

BpfTracer::~BpfTracer() = default;

int BpfTracer::attachedCount() const {
    int n = 0;
    for (const ProbeDesc &p : probes_) {
        n += p.attached ? 1 : 0;
    }
    return n;
}

int BpfTracer::fd() const {
    return ring_ ? ring_buffer__epoll_fd(ring_.get()) : -1;
}

namespace {
// What onRecord returns to stop libbpf's consumer loop once a batch is full (any negative value
// stops it; this one is not an error code libbpf itself returns while consuming).
constexpr int kBatchFull = -ENOSPC;
} // namespace

int BpfTracer::onRecord(void *ctx, void *data, size_t size) {
    auto *self = static_cast<BpfTracer *>(ctx);
    RecordBatch *out = self->sink_;
    const auto *bytes = static_cast<const uint8_t *>(data);
    if (out == nullptr || size == 0) {
        return 0;
    }
    if (bytes[0] == NT_REC_EVENT && size >= sizeof(nt_event)) {
        Event e;
        std::memcpy(&e, data, sizeof e);
        out->events.push_back(e);
    } else if (bytes[0] == NT_REC_PACKET && size >= sizeof(nt_packet)) {
        const auto *p = static_cast<const nt_packet *>(data);
        PacketHeader h;
        h.skb = p->skb;
        h.tsNs = p->ts_ns;
        h.netns = p->netns;
        h.len = p->len;
        h.protocol = p->protocol;
        const size_t caplen = std::min<size_t>(p->caplen, NT_PACKET_CAPLEN);
        h.data.assign(p->data, p->data + caplen);
        out->packetBefore.push_back(out->events.size());
        out->packets.push_back(std::move(h));
    } else if (bytes[0] == NT_REC_NFT) {
        if (auto r = parseNftRecord({bytes, size})) {
            self->nft_.push_back(std::move(*r));
        }
    }
    // The record is consumed either way; stopping here leaves the rest for the next poll.
    return out->events.size() + out->packets.size() >= self->limit_ ? kBatchFull : 0;
}

void BpfTracer::takeNft(std::vector<NftTraceRecord> &out) {
    if (out.empty()) {
        out.swap(nft_);
        return;
    }
    out.insert(out.end(), std::make_move_iterator(nft_.begin()),
               std::make_move_iterator(nft_.end()));
    nft_.clear();
}

int BpfTracer::poll(int timeoutMs, RecordBatch &out, size_t maxRecords) {
    if (!ring_) {
        return 0;
    }
    sink_ = &out;
    const size_t before = out.events.size() + out.packets.size();
    limit_ = maxRecords > SIZE_MAX - before ? SIZE_MAX : before + maxRecords;
    // The programs wake the reader only once a batch waits (nt_wakeup_bytes): after the wait,
    // whatever arrived without a wakeup is read too.
    int rc = timeoutMs > 0 ? ring_buffer__poll(ring_.get(), timeoutMs) : 0;
    if (rc >= 0 || rc == -EINTR) {
        rc = ring_buffer__consume(ring_.get());
    }
    sink_ = nullptr;
    if (rc < 0 && rc != -EINTR && rc != kBatchFull) {
        throw Error(
            QCoreApplication::translate("nt::BpfTracer", "reading the BPF ring buffer failed: %1")
                .arg(errnoText(rc)));
    }
    return static_cast<int>(out.events.size() + out.packets.size() - before);
}

LossCounters BpfTracer::counters() const {
    LossCounters c;
    if (!skel_) {
        return c;
    }
    const int ncpu = libbpf_num_possible_cpus();
    if (ncpu <= 0) {
        return c;
    }
    std::vector<uint64_t> values(static_cast<size_t>(ncpu));
    auto sum = [&](uint32_t key) -> uint64_t {
        if (bpf_map__lookup_elem(skel_->maps.nt_counters, &key, sizeof key, values.data(),
                                 values.size() * sizeof(uint64_t), 0) != 0) {
            return 0;
        }
        uint64_t s = 0;
        for (uint64_t v : values) {
            s += v;
        }
        return s;
    };
    c.bpfEvents = sum(NT_CNT_EVENTS);
    c.ringbufFull = sum(NT_CNT_RINGBUF_FULL);
    c.trackFull = sum(NT_CNT_TRACK_FULL);
    c.filtered = sum(NT_CNT_FILTERED);
    c.excluded = sum(NT_CNT_EXCLUDED);
    return c;
}

void BpfTracer::detach() {
    links_.clear();
    fentryFds_.clear();
    if (!skel_) {
        return;
    }
    nt_trace__detach(skel_.get());
}

} // namespace nt
