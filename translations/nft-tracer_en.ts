<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Usage: %1</source>
        <translation>Usage: %1</translation>
    </message>
    <message>
        <source>[options]</source>
        <translation>[options]</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Options:</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Arguments:</translation>
    </message>
    <message>
        <source>Displays help on commandline options.</source>
        <translation>Displays help on commandline options.</translation>
    </message>
    <message>
        <source>Displays help including Qt specific options.</source>
        <translation>Displays help including Qt specific options.</translation>
    </message>
    <message>
        <source>Displays version information.</source>
        <translation>Displays version information.</translation>
    </message>
    <message>
        <source>Unknown option &apos;%1&apos;.</source>
        <translation>Unknown option &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Unknown options: %1.</source>
        <translation>Unknown options: %1.</translation>
    </message>
    <message>
        <source>Missing value after &apos;%1&apos;.</source>
        <translation>Missing value after &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Unexpected value after &apos;%1&apos;.</source>
        <translation>Unexpected value after &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>nt::Backend</name>
    <message>
        <source>the %1 backend is not available: %2</source>
        <translation>the %1 backend is not available: %2</translation>
    </message>
    <message>
        <source>the kernel does not know kprobe.multi programs (Linux 5.18 or newer): %1</source>
        <translation>the kernel does not know kprobe.multi programs (Linux 5.18 or newer): %1</translation>
    </message>
    <message>
        <source>this kernel was built without CONFIG_FPROBE, which kprobe.multi needs</source>
        <translation>this kernel was built without CONFIG_FPROBE, which kprobe.multi needs</translation>
    </message>
    <message>
        <source>attaching a kprobe.multi program to %1 failed: %2</source>
        <translation>attaching a kprobe.multi program to %1 failed: %2</translation>
    </message>
    <message>
        <source>kprobes are not enabled in this kernel (CONFIG_KPROBES, CONFIG_KPROBE_EVENTS): /sys/bus/event_source/devices/kprobe is missing</source>
        <translation>kprobes are not enabled in this kernel (CONFIG_KPROBES, CONFIG_KPROBE_EVENTS): /sys/bus/event_source/devices/kprobe is missing</translation>
    </message>
    <message>
        <source>the kernel refused a kprobe BPF program: %1</source>
        <translation>the kernel refused a kprobe BPF program: %1</translation>
    </message>
    <message>
        <source>creating a kprobe on %1 failed: %2</source>
        <translation>creating a kprobe on %1 failed: %2</translation>
    </message>
    <message>
        <source>attaching a BPF program to a kprobe failed: %1</source>
        <translation>attaching a BPF program to a kprobe failed: %1</translation>
    </message>
    <message>
        <source>the kernel&apos;s BTF does not describe %1, which fentry needs</source>
        <translation>the kernel&apos;s BTF does not describe %1, which fentry needs</translation>
    </message>
    <message>
        <source>the kernel refused fentry programs (EPERM): a security policy (lockdown) or a kernel without BPF trampolines (CONFIG_DYNAMIC_FTRACE_WITH_DIRECT_CALLS)</source>
        <translation>the kernel refused fentry programs (EPERM): a security policy (lockdown) or a kernel without BPF trampolines (CONFIG_DYNAMIC_FTRACE_WITH_DIRECT_CALLS)</translation>
    </message>
    <message>
        <source>the kernel refused an fentry program: %1</source>
        <translation>the kernel refused an fentry program: %1</translation>
    </message>
    <message>
        <source>attaching an fentry program to %1 failed: %2</source>
        <translation>attaching an fentry program to %1 failed: %2</translation>
    </message>
</context>
<context>
    <name>nt::BpfTracer</name>
    <message>
        <source>recording needs root: BPF programs and the nftables trace table can only be installed by root. Run `sudo nft-tracer-cli record ...`.</source>
        <translation>recording needs root: BPF programs and the nftables trace table can only be installed by root. Run `sudo nft-tracer-cli record ...`.</translation>
    </message>
    <message>
        <source>cannot open the BPF object: %1</source>
        <translation>cannot open the BPF object: %1</translation>
    </message>
    <message>
        <source>the kernel refused the BPF programs (%1). Check that this kernel allows BPF tracing programs (CONFIG_BPF_SYSCALL, kernel.unprivileged_bpf_disabled does not matter for root) and that no security module (lockdown=confidentiality) blocks them.</source>
        <translation>the kernel refused the BPF programs (%1). Check that this kernel allows BPF tracing programs (CONFIG_BPF_SYSCALL, kernel.unprivileged_bpf_disabled does not matter for root) and that no security module (lockdown=confidentiality) blocks them.</translation>
    </message>
    <message>
        <source>no tracepoint could be attached: %1</source>
        <translation>no tracepoint could be attached: %1</translation>
    </message>
    <message>
        <source>cannot map the BPF ring buffer: %1</source>
        <translation>cannot map the BPF ring buffer: %1</translation>
    </message>
    <message>
        <source>reading the BPF ring buffer failed: %1</source>
        <translation>reading the BPF ring buffer failed: %1</translation>
    </message>
    <message>
        <source>cannot prepare fentry for %1: %2</source>
        <translation>cannot prepare fentry for %1: %2</translation>
    </message>
</context>
<context>
    <name>nt::Cli</name>
    <message>
        <source>unknown command &apos;%1&apos;; try --help</source>
        <translation>unknown command &apos;%1&apos;; try --help</translation>
    </message>
    <message>
        <source>Record packet journeys through the kernel and nftables.</source>
        <translation>Record packet journeys through the kernel and nftables.</translation>
    </message>
    <message>
        <source>Only packets matching EXPR (tcpdump-style, plus ifname and mark).</source>
        <translation>Only packets matching EXPR (tcpdump-style, plus ifname and mark).</translation>
    </message>
    <message>
        <source>Trace inside this network namespace (a name from &apos;ip netns&apos; or a path).</source>
        <translation>Trace inside this network namespace (a name from &apos;ip netns&apos; or a path).</translation>
    </message>
    <message>
        <source>Stop after S seconds.</source>
        <translation>Stop after S seconds.</translation>
    </message>
    <message>
        <source>Stop after N packets.</source>
        <translation>Stop after N packets.</translation>
    </message>
    <message>
        <source>Save the trace to FILE (.nftrace); an existing file is never replaced.</source>
        <translation>Save the trace to FILE (.nftrace); an existing file is never replaced.</translation>
    </message>
    <message>
        <source>No live lines and no per-packet journeys; statistics only.</source>
        <translation>No live lines and no per-packet journeys; statistics only.</translation>
    </message>
    <message>
        <source>Filter, as an alternative to --filter.</source>
        <translation>Filter, as an alternative to --filter.</translation>
    </message>
    <message>
        <source>give the filter either with --filter or after the options, not both</source>
        <translation>give the filter either with --filter or after the options, not both</translation>
    </message>
    <message>
        <source>--duration needs a positive number of seconds, got &apos;%1&apos;</source>
        <translation>--duration needs a positive number of seconds, got &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--max-packets needs a positive whole number, got &apos;%1&apos;</source>
        <translation>--max-packets needs a positive whole number, got &apos;%1&apos;</translation>
    </message>
    <message>
        <source>recording needs root: BPF programs and the nftables trace table can only be installed by root. Run it with sudo; &apos;show&apos; and &apos;export&apos; work without.</source>
        <translation>recording needs root: BPF programs and the nftables trace table can only be installed by root. Run it with sudo; &apos;show&apos; and &apos;export&apos; work without.</translation>
    </message>
    <message>
        <source>Recording with %1 of %2 tracepoints%3%4. Press Ctrl-C to stop.</source>
        <translation>Recording with %1 of %2 tracepoints%3%4. Press Ctrl-C to stop.</translation>
    </message>
    <message>
        <source> and nftables trace table %1</source>
        <translation> and nftables trace table %1</translation>
    </message>
    <message>
        <source>, filter: %1</source>
        <translation>, filter: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Print the journeys and statistics of a trace file.</source>
        <translation>Print the journeys and statistics of a trace file.</translation>
    </message>
    <message>
        <source>Only the journey with this id.</source>
        <translation>Only the journey with this id.</translation>
    </message>
    <message>
        <source>Only the statistics.</source>
        <translation>Only the statistics.</translation>
    </message>
    <message>
        <source>JSON instead of text.</source>
        <translation>JSON instead of text.</translation>
    </message>
    <message>
        <source>no journey %1 in this trace: it has journeys 0 to %2</source>
        <translation>no journey %1 in this trace: it has journeys 0 to %2</translation>
    </message>
    <message>
        <source>note: this trace was not finished (the recorder stopped abruptly); it holds what was saved until then.</source>
        <translation>note: this trace was not finished (the recorder stopped abruptly); it holds what was saved until then.</translation>
    </message>
    <message>
        <source>Convert a trace file for other tools.</source>
        <translation>Convert a trace file for other tools.</translation>
    </message>
    <message>
        <source>Write to OUT.</source>
        <translation>Write to OUT.</translation>
    </message>
    <message>
        <source>export needs an output file: -o OUT</source>
        <translation>export needs an output file: -o OUT</translation>
    </message>
    <message>
        <source>%1 needs a priority from 0 (critical) to 3 (verbose), got &apos;%2&apos;</source>
        <translation>%1 needs a priority from 0 (critical) to 3 (verbose), got &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1 needs a positive whole number, got &apos;%2&apos;</source>
        <translation>%1 needs a positive whole number, got &apos;%2&apos;</translation>
    </message>
    <message>
        <source>List the kernel functions that take a struct sk_buff * and can be traced, classified by layer and priority (0 critical ... 3 verbose). Needs no root.</source>
        <translation>List the kernel functions that take a struct sk_buff * and can be traced, classified by layer and priority (0 critical ... 3 verbose). Needs no root.</translation>
    </message>
    <message>
        <source>Only these layers (comma-separated: Device, GRO, Bridge, Netfilter, IPv4, IPv6, Routing, TCP, UDP, Socket, Xmit, SoftIRQ, Drop).</source>
        <translation>Only these layers (comma-separated: Device, GRO, Bridge, Netfilter, IPv4, IPv6, Routing, TCP, UDP, Socket, Xmit, SoftIRQ, Drop).</translation>
    </message>
    <message>
        <source>Only priorities 0 to N.</source>
        <translation>Only priorities 0 to N.</translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation>Print JSON instead of a table.</translation>
    </message>
    <message>
        <source>Write a trace_config.json with the chosen functions, for &apos;record --config&apos;.</source>
        <translation>Write a trace_config.json with the chosen functions, for &apos;record --config&apos;.</translation>
    </message>
    <message>
        <source>With --config: at most N functions, most important first (default 100).</source>
        <translation>With --config: at most N functions, most important first (default 100).</translation>
    </message>
    <message>
        <source>Scan the kernel&apos;s BTF again instead of using the cache.</source>
        <translation>Scan the kernel&apos;s BTF again instead of using the cache.</translation>
    </message>
    <message>
        <source>discover takes no arguments, got &apos;%1&apos;</source>
        <translation>discover takes no arguments, got &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--max-trace only applies with --config OUT</source>
        <translation>--max-trace only applies with --config OUT</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message>
        <source>Wrote %1 functions to %2</source>
        <translation>Wrote %1 functions to %2</translation>
    </message>
    <message>
        <source>%1 of %2 traceable kernel functions with a struct sk_buff * argument (%3 in BTF; traceable according to %4)
</source>
        <translation>%1 of %2 traceable kernel functions with a struct sk_buff * argument (%3 in BTF; traceable according to %4)
</translation>
    </message>
    <message>
        <source>By layer: %1
</source>
        <translation>By layer: %1
</translation>
    </message>
    <message>
        <source>Trace the enabled kernel functions of FILE (trace_config.json, see &apos;discover --config&apos;).</source>
        <translation>Trace the enabled kernel functions of FILE (trace_config.json, see &apos;discover --config&apos;).</translation>
    </message>
    <message>
        <source>Trace these kernel functions (comma-separated).</source>
        <translation>Trace these kernel functions (comma-separated).</translation>
    </message>
    <message>
        <source>Trace the kernel functions of these layers.</source>
        <translation>Trace the kernel functions of these layers.</translation>
    </message>
    <message>
        <source>Trace the kernel functions of priority 0 (critical) to N (3: verbose).</source>
        <translation>Trace the kernel functions of priority 0 (critical) to N (3: verbose).</translation>
    </message>
    <message>
        <source>Trace at most N kernel functions, most important first.</source>
        <translation>Trace at most N kernel functions, most important first.</translation>
    </message>
    <message>
        <source>How to trace kernel functions: auto (default: the best this kernel offers), kprobe-multi, kprobe, fentry, or tracepoint (none).</source>
        <translation>How to trace kernel functions: auto (default: the best this kernel offers), kprobe-multi, kprobe, fentry, or tracepoint (none).</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>--backend must be auto, kprobe-multi, kprobe, fentry or tracepoint, got &apos;%1&apos;</source>
        <translation>--backend must be auto, kprobe-multi, kprobe, fentry or tracepoint, got &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Recording with %1 of %2 tracepoints and %3 of %4 kernel functions (backend %5)%6%7. Press Ctrl-C to stop.</source>
        <translation>Recording with %1 of %2 tracepoints and %3 of %4 kernel functions (backend %5)%6%7. Press Ctrl-C to stop.</translation>
    </message>
    <message>
        <source>  backend %1 not available: %2
</source>
        <translation>  backend %1 not available: %2
</translation>
    </message>
    <message>
        <source>  not in this kernel (skipped): %1
</source>
        <translation>  not in this kernel (skipped): %1
</translation>
    </message>
    <message>
        <source>  cannot attach to %1: %2
</source>
        <translation>  cannot attach to %1: %2
</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warning: %1</translation>
    </message>
    <message>
        <source>  nftables verdicts: read in the kernel at %1 (backend %2)
</source>
        <translation>  nftables verdicts: read in the kernel at %1 (backend %2)
</translation>
    </message>
    <message>
        <source>  nftables verdicts: from netlink trace messages (not read in the kernel: %1)
</source>
        <translation>  nftables verdicts: from netlink trace messages (not read in the kernel: %1)
</translation>
    </message>
    <message>
        <source>Take nftables verdicts from netlink trace messages even where the kernel function backend can read them in the kernel (to compare).</source>
        <translation>Take nftables verdicts from netlink trace messages even where the kernel function backend can read them in the kernel (to compare).</translation>
    </message>
    <message>
        <source>Start a new file every DURATION (s, m or h; plain numbers are seconds).</source>
        <translation>Start a new file every DURATION (s, m or h; plain numbers are seconds).</translation>
    </message>
    <message>
        <source>Keep only the newest N files of a rotating recording (with --max-size or --max-duration): the oldest is removed when a new one starts.</source>
        <translation>Keep only the newest N files of a rotating recording (with --max-size or --max-duration): the oldest is removed when a new one starts.</translation>
    </message>
    <message>
        <source>--max-size needs a size from 4M to 16T (a number with K, M, G or T), got &apos;%1&apos;</source>
        <translation>--max-size needs a size from 4M to 16T (a number with K, M, G or T), got &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--max-duration needs a duration from 1s to 366 days (a number with s, m or h), got &apos;%1&apos;</source>
        <translation>--max-duration needs a duration from 1s to 366 days (a number with s, m or h), got &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--ring needs a number of files from 1 to %1, got &apos;%2&apos;</source>
        <translation>--ring needs a number of files from 1 to %1, got &apos;%2&apos;</translation>
    </message>
    <message>
        <source>--ring needs --max-size or --max-duration: they say when a new file starts</source>
        <translation>--ring needs --max-size or --max-duration: they say when a new file starts</translation>
    </message>
    <message>
        <source>--max-size, --max-duration and --ring need an output file: -o FILE</source>
        <translation>--max-size, --max-duration and --ring need an output file: -o FILE</translation>
    </message>
    <message>
        <source>Per-packet journeys not printed: a recording this long keeps only its statistics in memory. Record with -o FILE to keep the journeys.</source>
        <translation>Per-packet journeys not printed: a recording this long keeps only its statistics in memory. Record with -o FILE to keep the journeys.</translation>
    </message>
    <message>
        <source>Per-packet journeys not printed: the trace holds %1 events, more than the %2 printed at the end. &apos;show&apos; prints them from the files.</source>
        <translation>Per-packet journeys not printed: the trace holds %1 events, more than the %2 printed at the end. &apos;show&apos; prints them from the files.</translation>
    </message>
    <message>
        <source>Journeys of the %1 files kept (--ring removed %2 older ones):</source>
        <translation>Journeys of the %1 files kept (--ring removed %2 older ones):</translation>
    </message>
    <message>
        <source>recording stopped: %1 What was written until then is kept.</source>
        <translation>recording stopped: %1 What was written until then is kept.</translation>
    </message>
    <message>
        <source>A .nftrace file; several files or a folder of a rotating recording (--max-size, --max-duration) open as one trace.</source>
        <translation>A .nftrace file; several files or a folder of a rotating recording (--max-size, --max-duration) open as one trace.</translation>
    </message>
    <message>
        <source>%1 needs a trace file or a folder of them; try &apos;%1 --help&apos;</source>
        <translation>%1 needs a trace file or a folder of them; try &apos;%1 --help&apos;</translation>
    </message>
    <message>
        <source>Start a new file when the current one holds SIZE (K, M, G or T; at least 4M). The files are named FILE_NNNNN_TIME.nftrace after their start (UTC).</source>
        <translation>Start a new file when the current one holds SIZE (K, M, G or T; at least 4M). The files are named FILE_NNNNN_TIME.nftrace after their start (UTC).</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>warning: %1</translation>
    </message>
    <message>
        <source>  chain verdicts: read in the kernel at %1&apos;s return
</source>
        <translation>  chain verdicts: read in the kernel at %1&apos;s return
</translation>
    </message>
    <message>
        <source>  chain verdicts: not read (%1)
</source>
        <translation>  chain verdicts: not read (%1)
</translation>
    </message>
    <message>
        <source>Usage: nft-tracer-cli COMMAND [OPTIONS]

Commands:
  record [--filter EXPR] [--netns NAME|PATH] [--duration S] [--max-packets N]
         [-o FILE [--max-size SIZE] [--max-duration D] [--ring N]] [--quiet]
                                  record packet journeys (needs root)
         [--config FILE] [--functions A,B] [--layers L,...] [--priority N]
         [--max-functions N] [--backend auto|kprobe-multi|kprobe|fentry|tracepoint]
                                  ...and the kernel functions they pass
  show FILE...|DIR [--packet ID] [--stats] [--json]
                                  print the journeys and statistics of a trace
  export FILE...|DIR --format json|pcapng|sqlite -o OUT
                                  convert a trace for other tools
  discover [--layers L,...] [--priority N] [--json] [--config OUT --max-trace N]
                                  list the kernel functions that take an sk_buff

Run &apos;nft-tracer-cli COMMAND --help&apos; for the options of a command.
</source>
        <translation>Usage: nft-tracer-cli COMMAND [OPTIONS]

Commands:
  record [--filter EXPR] [--netns NAME|PATH] [--duration S] [--max-packets N]
         [-o FILE [--max-size SIZE] [--max-duration D] [--ring N]] [--quiet]
                                  record packet journeys (needs root)
         [--config FILE] [--functions A,B] [--layers L,...] [--priority N]
         [--max-functions N] [--backend auto|kprobe-multi|kprobe|fentry|tracepoint]
                                  ...and the kernel functions they pass
  show FILE...|DIR [--packet ID] [--stats] [--json]
                                  print the journeys and statistics of a trace
  export FILE...|DIR --format json|pcapng|sqlite -o OUT
                                  convert a trace for other tools
  discover [--layers L,...] [--priority N] [--json] [--config OUT --max-trace N]
                                  list the kernel functions that take an sk_buff

Run &apos;nft-tracer-cli COMMAND --help&apos; for the options of a command.
</translation>
    </message>
    <message>
        <source>json (journeys, statistics, ruleset), pcapng (one packet per journey, the journey as its comment) or sqlite (a trace file with one row per event, for sqlite3).</source>
        <translation>json (journeys, statistics, ruleset), pcapng (one packet per journey, the journey as its comment) or sqlite (a trace file with one row per event, for sqlite3).</translation>
    </message>
    <message>
        <source>--format must be json, pcapng or sqlite, got &apos;%1&apos;</source>
        <translation>--format must be json, pcapng or sqlite, got &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>nt::Discovery</name>
    <message>
        <source>cannot read the kernel&apos;s BTF at %1: this kernel was built without CONFIG_DEBUG_INFO_BTF, so its functions cannot be discovered. Tracepoints still work.</source>
        <translation>cannot read the kernel&apos;s BTF at %1: this kernel was built without CONFIG_DEBUG_INFO_BTF, so its functions cannot be discovered. Tracepoints still work.</translation>
    </message>
</context>
<context>
    <name>nt::EventStream</name>
    <message>
        <source>Cannot send %1 in the event stream: %2 bytes, more than the limit of %3.</source>
        <translation>Cannot send %1 in the event stream: %2 bytes, more than the limit of %3.</translation>
    </message>
    <message>
        <source>a boolean field holds %1</source>
        <translation>a boolean field holds %1</translation>
    </message>
    <message>
        <source>a field of %1 bytes exceeds the limit of %2</source>
        <translation>a field of %1 bytes exceeds the limit of %2</translation>
    </message>
    <message>
        <source>%1 items announced, more than the %2 bytes left can hold</source>
        <translation>%1 items announced, more than the %2 bytes left can hold</translation>
    </message>
    <message>
        <source>the frame ends inside a field</source>
        <translation>the frame ends inside a field</translation>
    </message>
    <message>
        <source>%1 bytes left over after the last field</source>
        <translation>%1 bytes left over after the last field</translation>
    </message>
    <message>
        <source>The event stream from the helper is corrupt (%1 frame: %2). Stop the trace and start it again; if this repeats, the helper and the application do not match: reinstall nft-tracer.</source>
        <translation>The event stream from the helper is corrupt (%1 frame: %2). Stop the trace and start it again; if this repeats, the helper and the application do not match: reinstall nft-tracer.</translation>
    </message>
    <message>
        <source>an event record has type %1</source>
        <translation>an event record has type %1</translation>
    </message>
    <message>
        <source>packet %1 is placed before event %2 (previous packet: %3, events: %4)</source>
        <translation>packet %1 is placed before event %2 (previous packet: %3, events: %4)</translation>
    </message>
    <message>
        <source>an nft trace record has type %1</source>
        <translation>an nft trace record has type %1</translation>
    </message>
    <message>
        <source>The helper sent data after the end of the event stream: the stream is corrupt.</source>
        <translation>The helper sent data after the end of the event stream: the stream is corrupt.</translation>
    </message>
    <message>
        <source>The descriptor the helper returned does not carry an nft-tracer event stream (wrong signature). Check that the installed helper belongs to this version of nft-tracer.</source>
        <translation>The descriptor the helper returned does not carry an nft-tracer event stream (wrong signature). Check that the installed helper belongs to this version of nft-tracer.</translation>
    </message>
    <message>
        <source>The helper&apos;s event stream has format version %1; this program reads version %2 and older. Install the same version of nft-tracer and its helper.</source>
        <translation>The helper&apos;s event stream has format version %1; this program reads version %2 and older. Install the same version of nft-tracer and its helper.</translation>
    </message>
    <message>
        <source>The helper&apos;s event stream announces a frame of %1 bytes, more than the limit of %2: the stream is corrupt. Stop the trace and start it again.</source>
        <translation>The helper&apos;s event stream announces a frame of %1 bytes, more than the limit of %2: the stream is corrupt. Stop the trace and start it again.</translation>
    </message>
    <message>
        <source>The helper&apos;s event stream is out of order (%1 frame: %2). Stop the trace and start it again.</source>
        <translation>The helper&apos;s event stream is out of order (%1 frame: %2). Stop the trace and start it again.</translation>
    </message>
    <message>
        <source>a second header</source>
        <translation>a second header</translation>
    </message>
    <message>
        <source>records before the header</source>
        <translation>records before the header</translation>
    </message>
    <message>
        <source>counters before the header</source>
        <translation>counters before the header</translation>
    </message>
    <message>
        <source>the event rate is not a finite positive number</source>
        <translation>the event rate is not a finite positive number</translation>
    </message>
    <message>
        <source>the end before the header</source>
        <translation>the end before the header</translation>
    </message>
    <message>
        <source>The helper&apos;s event stream ended in the middle of a frame: the helper stopped unexpectedly. Check the system log for nft-tracer-helper.</source>
        <translation>The helper&apos;s event stream ended in the middle of a frame: the helper stopped unexpectedly. Check the system log for nft-tracer-helper.</translation>
    </message>
    <message>
        <source>interface names before the header</source>
        <translation>interface names before the header</translation>
    </message>
    <message>
        <source>loss marks before the header</source>
        <translation>loss marks before the header</translation>
    </message>
</context>
<context>
    <name>nt::Export</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>nt::Fate</name>
    <message>
        <source>IN FLIGHT</source>
        <translation>IN FLIGHT</translation>
    </message>
    <message>
        <source>DELIVERED</source>
        <translation>DELIVERED</translation>
    </message>
    <message>
        <source>FORWARDED</source>
        <translation>FORWARDED</translation>
    </message>
    <message>
        <source>TRANSMITTED</source>
        <translation>TRANSMITTED</translation>
    </message>
    <message>
        <source>CONSUMED</source>
        <translation>CONSUMED</translation>
    </message>
    <message>
        <source>DROPPED BY RULE</source>
        <translation>DROPPED BY RULE</translation>
    </message>
    <message>
        <source>DROPPED</source>
        <translation>DROPPED</translation>
    </message>
</context>
<context>
    <name>nt::Filter</name>
    <message>
        <source>column %1: %2</source>
        <translation>column %1: %2</translation>
    </message>
    <message>
        <source>expected &apos;%1&apos; (or &apos;%2&apos;), found %3</source>
        <translation>expected &apos;%1&apos; (or &apos;%2&apos;), found %3</translation>
    </message>
    <message>
        <source>the quoted name starting here has no closing &apos;&quot;&apos;</source>
        <translation>the quoted name starting here has no closing &apos;&quot;&apos;</translation>
    </message>
    <message>
        <source>found &apos;)&apos; without a matching &apos;(&apos;</source>
        <translation>found &apos;)&apos; without a matching &apos;(&apos;</translation>
    </message>
    <message>
        <source>expected &apos;and&apos;, &apos;or&apos; or the end of the filter after %1, found %2</source>
        <translation>expected &apos;and&apos;, &apos;or&apos; or the end of the filter after %1, found %2</translation>
    </message>
    <message>
        <source>the end of the filter</source>
        <translation>the end of the filter</translation>
    </message>
    <message>
        <source>expected %1 after %2, found %3</source>
        <translation>expected %1 after %2, found %3</translation>
    </message>
    <message>
        <source>parentheses and &apos;not&apos; are nested more than %1 deep</source>
        <translation>parentheses and &apos;not&apos; are nested more than %1 deep</translation>
    </message>
    <message>
        <source>expected &apos;)&apos; to close the &apos;(&apos; at column %1, found %2</source>
        <translation>expected &apos;)&apos; to close the &apos;(&apos; at column %1, found %2</translation>
    </message>
    <message>
        <source>expected a filter primitive (host, net, port, portrange, tcp, udp, icmp, ip, ip6, ifname, mark …), found %1</source>
        <translation>expected a filter primitive (host, net, port, portrange, tcp, udp, icmp, ip, ip6, ifname, mark …), found %1</translation>
    </message>
    <message>
        <source>a filter primitive</source>
        <translation>a filter primitive</translation>
    </message>
    <message>
        <source>an interface name</source>
        <translation>an interface name</translation>
    </message>
    <message>
        <source>interface name %1 must be 1 to 15 characters long</source>
        <translation>interface name %1 must be 1 to 15 characters long</translation>
    </message>
    <message>
        <source>interface name %1 contains %2; only letters, digits and _ . - @ + are supported</source>
        <translation>interface name %1 contains %2; only letters, digits and _ . - @ + are supported</translation>
    </message>
    <message>
        <source>an interface index (1 to 4294967295)</source>
        <translation>an interface index (1 to 4294967295)</translation>
    </message>
    <message>
        <source>&apos;host&apos;, &apos;net&apos;, &apos;port&apos; or &apos;portrange&apos;</source>
        <translation>&apos;host&apos;, &apos;net&apos;, &apos;port&apos; or &apos;portrange&apos;</translation>
    </message>
    <message>
        <source>unknown word %1: expected a primitive such as host, net, port, portrange, tcp, udp, sctp, icmp, icmp6, ip, ip6, ifname, ifindex or mark</source>
        <translation>unknown word %1: expected a primitive such as host, net, port, portrange, tcp, udp, sctp, icmp, icmp6, ip, ip6, ifname, ifindex or mark</translation>
    </message>
    <message>
        <source>&apos;host&apos; takes a single address; write &apos;net %1&apos; for a prefix</source>
        <translation>&apos;host&apos; takes a single address; write &apos;net %1&apos; for a prefix</translation>
    </message>
    <message>
        <source>expected a prefix length from 0 to %1 after &apos;/&apos;, found %2</source>
        <translation>expected a prefix length from 0 to %1 after &apos;/&apos;, found %2</translation>
    </message>
    <message>
        <source>%1 has bits set past the /%2 prefix; did you mean %3/%2?</source>
        <translation>%1 has bits set past the /%2 prefix; did you mean %3/%2?</translation>
    </message>
    <message>
        <source>a port number</source>
        <translation>a port number</translation>
    </message>
    <message>
        <source>port %1 is out of range: ports go from 0 to 65535</source>
        <translation>port %1 is out of range: ports go from 0 to 65535</translation>
    </message>
    <message>
        <source>a port range like 8000-8080</source>
        <translation>a port range like 8000-8080</translation>
    </message>
    <message>
        <source>port range %1 is out of range: ports go from 0 to 65535</source>
        <translation>port range %1 is out of range: ports go from 0 to 65535</translation>
    </message>
    <message>
        <source>port range %1 starts above its end; write %2-%3</source>
        <translation>port range %1 starts above its end; write %2-%3</translation>
    </message>
    <message>
        <source>an IPv4 or IPv6 address (host names are not resolved)</source>
        <translation>an IPv4 or IPv6 address (host names are not resolved)</translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <translation>expected %1, found %2</translation>
    </message>
    <message>
        <source>a 32-bit mark like 0x10 or 0x10/0xff</source>
        <translation>a 32-bit mark like 0x10 or 0x10/0xff</translation>
    </message>
    <message>
        <source>mark value %1 has bits outside its mask; it can never match</source>
        <translation>mark value %1 has bits outside its mask; it can never match</translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation>more than %1</translation>
    </message>
    <message>
        <source>the filter expands to %1 alternatives; at most %2 are supported — simplify it</source>
        <translation>the filter expands to %1 alternatives; at most %2 are supported — simplify it</translation>
    </message>
    <message>
        <source>the nftables form of the filter needs more than %1 rules — simplify it (negated tests of addresses, ports and interfaces need two each)</source>
        <translation>the nftables form of the filter needs more than %1 rules — simplify it (negated tests of addresses, ports and interfaces need two each)</translation>
    </message>
    <message>
        <source>the filter is longer than %1 characters</source>
        <translation>the filter is longer than %1 characters</translation>
    </message>
    <message>
        <source>one alternative of the filter needs %1 tests; at most %2 are supported — simplify it</source>
        <translation>one alternative of the filter needs %1 tests; at most %2 are supported — simplify it</translation>
    </message>
    <message>
        <source>there is no network interface called %1; check the name with &apos;ip link&apos;</source>
        <translation>there is no network interface called %1; check the name with &apos;ip link&apos;</translation>
    </message>
</context>
<context>
    <name>nt::FilterBar</name>
    <message>
        <source>1 packet</source>
        <translation>1 packet</translation>
    </message>
    <message>
        <source>%1 packets</source>
        <translation>%1 packets</translation>
    </message>
    <message>
        <source>%1 of 1 packet</source>
        <translation>%1 of 1 packet</translation>
    </message>
    <message>
        <source>%1 of %2 packets</source>
        <translation>%1 of %2 packets</translation>
    </message>
    <message>
        <source>Filter packets: e.g. tcp port 8080, host 10.0.0.2 and not icmp (Enter applies)</source>
        <translation>Filter packets: e.g. tcp port 8080, host 10.0.0.2 and not icmp (Enter applies)</translation>
    </message>
    <message>
        <source>The recorder&apos;s filter language: host, net, port, portrange, tcp, udp, icmp, icmp6, ip, ip6, ifindex, mark, and, or, not, parentheses</source>
        <translation>The recorder&apos;s filter language: host, net, port, portrange, tcp, udp, icmp, icmp6, ip, ip6, ifindex, mark, and, or, not, parentheses</translation>
    </message>
    <message>
        <source>Show the packets of every rule again</source>
        <translation>Show the packets of every rule again</translation>
    </message>
</context>
<context>
    <name>nt::FunctionConfig</name>
    <message>
        <source>%1: each entry must be an object, got %2</source>
        <translation>%1: each entry must be an object, got %2</translation>
    </message>
    <message>
        <source>%1: &quot;name&quot; must be a non-empty string</source>
        <translation>%1: &quot;name&quot; must be a non-empty string</translation>
    </message>
    <message>
        <source>%1: unknown key &quot;%2&quot; (known: name, layer, priority, enabled)</source>
        <translation>%1: unknown key &quot;%2&quot; (known: name, layer, priority, enabled)</translation>
    </message>
    <message>
        <source>%1: &quot;layer&quot; must be a string, got %2</source>
        <translation>%1: &quot;layer&quot; must be a string, got %2</translation>
    </message>
    <message>
        <source>%1: unknown layer &quot;%2&quot; (known: %3)</source>
        <translation>%1: unknown layer &quot;%2&quot; (known: %3)</translation>
    </message>
    <message>
        <source>%1: &quot;priority&quot; must be a whole number from 0 to 3, got %2</source>
        <translation>%1: &quot;priority&quot; must be a whole number from 0 to 3, got %2</translation>
    </message>
    <message>
        <source>%1: &quot;enabled&quot; must be true or false, got %2</source>
        <translation>%1: &quot;enabled&quot; must be true or false, got %2</translation>
    </message>
    <message>
        <source>%1: not valid JSON at byte %2: %3</source>
        <translation>%1: not valid JSON at byte %2: %3</translation>
    </message>
    <message>
        <source>%1: the top level must be an object with &quot;version&quot; and &quot;functions&quot;</source>
        <translation>%1: the top level must be an object with &quot;version&quot; and &quot;functions&quot;</translation>
    </message>
    <message>
        <source>%1: unknown key &quot;%2&quot; at the top level (known: version, functions)</source>
        <translation>%1: unknown key &quot;%2&quot; at the top level (known: version, functions)</translation>
    </message>
    <message>
        <source>%1: &quot;version&quot; must be a number, got &quot;%2&quot;</source>
        <translation>%1: &quot;version&quot; must be a number, got &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1: &quot;version&quot; is missing or not a number</source>
        <translation>%1: &quot;version&quot; is missing or not a number</translation>
    </message>
    <message>
        <source>%1: format version %2 is not supported (this nft-tracer reads version 1)</source>
        <translation>%1: format version %2 is not supported (this nft-tracer reads version 1)</translation>
    </message>
    <message>
        <source>%1: &quot;functions&quot; must be an array, got %2</source>
        <translation>%1: &quot;functions&quot; must be an array, got %2</translation>
    </message>
    <message>
        <source>%1: functions[%2] (%3): listed twice</source>
        <translation>%1: functions[%2] (%3): listed twice</translation>
    </message>
    <message>
        <source>unknown layer &quot;%1&quot; (known: %2)</source>
        <translation>unknown layer &quot;%1&quot; (known: %2)</translation>
    </message>
</context>
<context>
    <name>nt::Helper</name>
    <message>
        <source>the kernel&apos;s BTF describes none of the networking tracepoints</source>
        <translation>the kernel&apos;s BTF describes none of the networking tracepoints</translation>
    </message>
    <message>
        <source>nftables rule tracing runs together with the tracepoint backend, which is unavailable</source>
        <translation>nftables rule tracing runs together with the tracepoint backend, which is unavailable</translation>
    </message>
    <message>
        <source>the helper is shutting down</source>
        <translation>the helper is shutting down</translation>
    </message>
    <message>
        <source>too many requests are waiting for authorisation; answer the open password dialog first</source>
        <translation>too many requests are waiting for authorisation; answer the open password dialog first</translation>
    </message>
    <message>
        <source>not authorised to %1: polkit denied it. Ask an administrator to allow it, or run from an active local session.</source>
        <translation>not authorised to %1: polkit denied it. Ask an administrator to allow it, or run from an active local session.</translation>
    </message>
    <message>
        <source>not authorised to %1: an administrator password is needed, but no polkit authentication agent is running in your session to ask for it.</source>
        <translation>not authorised to %1: an administrator password is needed, but no polkit authentication agent is running in your session to ask for it.</translation>
    </message>
    <message>
        <source>not authorised to %1: polkit could not be asked (%2). Check that polkitd is running.</source>
        <translation>not authorised to %1: polkit could not be asked (%2). Check that polkitd is running.</translation>
    </message>
    <message>
        <source>read the nftables ruleset</source>
        <translation>read the nftables ruleset</translation>
    </message>
    <message>
        <source>this client is already starting a trace session</source>
        <translation>this client is already starting a trace session</translation>
    </message>
    <message>
        <source>trace packets</source>
        <translation>trace packets</translation>
    </message>
    <message>
        <source>cannot create the event stream: %1</source>
        <translation>cannot create the event stream: %1</translation>
    </message>
    <message>
        <source>there is no trace session %1 of this client</source>
        <translation>there is no trace session %1 of this client</translation>
    </message>
    <message>
        <source>Privileged D-Bus helper of nft-tracer; started by D-Bus activation.</source>
        <translation>Privileged D-Bus helper of nft-tracer; started by D-Bus activation.</translation>
    </message>
    <message>
        <source>Exit after SECONDS without sessions or calls (0: never; default %1, or NFT_TRACER_HELPER_IDLE_TIMEOUT).</source>
        <translation>Exit after SECONDS without sessions or calls (0: never; default %1, or NFT_TRACER_HELPER_IDLE_TIMEOUT).</translation>
    </message>
    <message>
        <source>invalid idle timeout &quot;%1&quot;: give 0 to 86400 seconds</source>
        <translation>invalid idle timeout &quot;%1&quot;: give 0 to 86400 seconds</translation>
    </message>
    <message>
        <source>cannot connect to the system bus: %1</source>
        <translation>cannot connect to the system bus: %1</translation>
    </message>
    <message>
        <source>cannot register the object %1: %2</source>
        <translation>cannot register the object %1: %2</translation>
    </message>
    <message>
        <source>cannot own the bus name %1: %2 (is another helper running, and is the D-Bus policy file installed?)</source>
        <translation>cannot own the bus name %1: %2 (is another helper running, and is the D-Bus policy file installed?)</translation>
    </message>
    <message>
        <source>option &quot;%1&quot; must have D-Bus type &quot;%2&quot;, not &quot;%3&quot;</source>
        <translation>option &quot;%1&quot; must have D-Bus type &quot;%2&quot;, not &quot;%3&quot;</translation>
    </message>
    <message>
        <source>network namespace &quot;%1&quot; is not a valid name: use 1 to %2 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos; (a name from &apos;ip netns list&apos;, not a path)</source>
        <translation>network namespace &quot;%1&quot; is not a valid name: use 1 to %2 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos; (a name from &apos;ip netns list&apos;, not a path)</translation>
    </message>
    <message>
        <source>there is no network namespace named &quot;%1&quot; (see &apos;ip netns list&apos;)</source>
        <translation>there is no network namespace named &quot;%1&quot; (see &apos;ip netns list&apos;)</translation>
    </message>
    <message>
        <source>the filter is %1 bytes long; at most %2 are allowed</source>
        <translation>the filter is %1 bytes long; at most %2 are allowed</translation>
    </message>
    <message>
        <source>filter: %1</source>
        <translation>filter: %1</translation>
    </message>
    <message>
        <source>option &quot;ringbuf_mb&quot; is %1; it must be between %2 and %3</source>
        <translation>option &quot;ringbuf_mb&quot; is %1; it must be between %2 and %3</translation>
    </message>
    <message>
        <source>option &quot;duration_s&quot; is %1; it must be at most %2 (0 records until stopped)</source>
        <translation>option &quot;duration_s&quot; is %1; it must be at most %2 (0 records until stopped)</translation>
    </message>
    <message>
        <source>option &quot;max_packets&quot; is %1; it must be at most %2 (0 means no limit)</source>
        <translation>option &quot;max_packets&quot; is %1; it must be at most %2 (0 means no limit)</translation>
    </message>
    <message>
        <source>unknown option &quot;%1&quot;; the options are: %2</source>
        <translation>unknown option &quot;%1&quot;; the options are: %2</translation>
    </message>
    <message>
        <source>this client already has a trace session; stop it before starting another</source>
        <translation>this client already has a trace session; stop it before starting another</translation>
    </message>
    <message>
        <source>the helper already runs %1 trace sessions, its limit; try again when one has stopped</source>
        <translation>the helper already runs %1 trace sessions, its limit; try again when one has stopped</translation>
    </message>
    <message>
        <source>stopped by the client</source>
        <translation>stopped by the client</translation>
    </message>
    <message>
        <source>the client left the bus</source>
        <translation>the client left the bus</translation>
    </message>
    <message>
        <source>the client closed the event stream</source>
        <translation>the client closed the event stream</translation>
    </message>
    <message>
        <source>the requested duration (%1 s) is over</source>
        <translation>the requested duration (%1 s) is over</translation>
    </message>
    <message>
        <source>the requested number of packets (%1) was reached</source>
        <translation>the requested number of packets (%1) was reached</translation>
    </message>
    <message>
        <source>option &quot;backend&quot; is &quot;%1&quot;; it must be auto, kprobe-multi, kprobe, fentry or tracepoint</source>
        <translation>option &quot;backend&quot; is &quot;%1&quot;; it must be auto, kprobe-multi, kprobe, fentry or tracepoint</translation>
    </message>
    <message>
        <source>option &quot;functions&quot; names %1 functions; at most %2 are allowed</source>
        <translation>option &quot;functions&quot; names %1 functions; at most %2 are allowed</translation>
    </message>
    <message>
        <source>option &quot;functions&quot;: &quot;%1&quot; is not a kernel function name (1 to %2 letters, digits, &apos;_&apos; or &apos;.&apos;)</source>
        <translation>option &quot;functions&quot;: &quot;%1&quot; is not a kernel function name (1 to %2 letters, digits, &apos;_&apos; or &apos;.&apos;)</translation>
    </message>
    <message>
        <source>option &quot;layers&quot;: &quot;%1&quot; is not a layer; the layers are: %2</source>
        <translation>option &quot;layers&quot;: &quot;%1&quot; is not a layer; the layers are: %2</translation>
    </message>
    <message>
        <source>option &quot;priority&quot; is %1; it must be from 0 (critical) to 3 (verbose)</source>
        <translation>option &quot;priority&quot; is %1; it must be from 0 (critical) to 3 (verbose)</translation>
    </message>
    <message>
        <source>option &quot;max_functions&quot; is %1; it must be between 1 and %2</source>
        <translation>option &quot;max_functions&quot; is %1; it must be between 1 and %2</translation>
    </message>
    <message>
        <source>option &quot;function_config&quot; is %1 bytes long; at most %2 are allowed</source>
        <translation>option &quot;function_config&quot; is %1 bytes long; at most %2 are allowed</translation>
    </message>
    <message>
        <source>kernel functions were chosen, but this kernel offers no way to trace them (%1); choose tracepoints only</source>
        <translation>kernel functions were chosen, but this kernel offers no way to trace them (%1); choose tracepoints only</translation>
    </message>
    <message>
        <source>nftables&apos; trace function cannot be probed: %1</source>
        <translation>nftables&apos; trace function cannot be probed: %1</translation>
    </message>
    <message>
        <source>no function backend (kprobe.multi, kprobe, fentry) is available to probe nftables&apos; trace function; verdicts come from netlink</source>
        <translation>no function backend (kprobe.multi, kprobe, fentry) is available to probe nftables&apos; trace function; verdicts come from netlink</translation>
    </message>
</context>
<context>
    <name>nt::HelperClient</name>
    <message>
        <source>The nft-tracer helper is not available (%1). Install the helper with nft-tracer (its D-Bus service and polkit files), or open a saved trace instead.</source>
        <translation>The nft-tracer helper is not available (%1). Install the helper with nft-tracer (its D-Bus service and polkit files), or open a saved trace instead.</translation>
    </message>
    <message>
        <source>The nft-tracer helper did not answer (%1). Check that the system bus is running and look for nft-tracer-helper in the system log.</source>
        <translation>The nft-tracer helper did not answer (%1). Check that the system bus is running and look for nft-tracer-helper in the system log.</translation>
    </message>
    <message>
        <source>A trace is already running; stop it before starting another.</source>
        <translation>A trace is already running; stop it before starting another.</translation>
    </message>
    <message>
        <source>The helper started the trace but sent no event stream; the trace is stopped.</source>
        <translation>The helper started the trace but sent no event stream; the trace is stopped.</translation>
    </message>
    <message>
        <source>Reading the event stream from the helper failed: %1. The trace is stopped.</source>
        <translation>Reading the event stream from the helper failed: %1. The trace is stopped.</translation>
    </message>
    <message>
        <source>The helper closed the event stream without ending the trace. Look for nft-tracer-helper in the system log.</source>
        <translation>The helper closed the event stream without ending the trace. Look for nft-tracer-helper in the system log.</translation>
    </message>
</context>
<context>
    <name>nt::JourneyDetail</name>
    <message>
        <source>rule %1 → %2</source>
        <translation>rule %1 → %2</translation>
    </message>
    <message>
        <source>policy → %1</source>
        <translation>policy → %1</translation>
    </message>
    <message>
        <source>return</source>
        <translation>return</translation>
    </message>
    <message>
        <source>trace</source>
        <translation>trace</translation>
    </message>
    <message>
        <source>nft %1</source>
        <translation>nft %1</translation>
    </message>
    <message>
        <source>if %1</source>
        <translation>if %1</translation>
    </message>
    <message>
        <source>netns %1</source>
        <translation>netns %1</translation>
    </message>
    <message>
        <source>cpu %1</source>
        <translation>cpu %1</translation>
    </message>
    <message>
        <source>len %1</source>
        <translation>len %1</translation>
    </message>
    <message>
        <source>mark 0x%1</source>
        <translation>mark 0x%1</translation>
    </message>
    <message>
        <source>reason %1</source>
        <translation>reason %1</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>at %1</translation>
    </message>
    <message>
        <source>rc %1</source>
        <translation>rc %1</translation>
    </message>
    <message>
        <source>handle %1</source>
        <translation>handle %1</translation>
    </message>
    <message>
        <source>handle %1: %2</source>
        <translation>handle %1: %2</translation>
    </message>
    <message>
        <source>chain policy (%1)</source>
        <translation>chain policy (%1)</translation>
    </message>
    <message>
        <source>This decision gave the final verdict</source>
        <translation>This decision gave the final verdict</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>no nftables rule traced this packet (nft tracing off, or no ruleset hook)</source>
        <translation>no nftables rule traced this packet (nft tracing off, or no ruleset hook)</translation>
    </message>
    <message>
        <source>not captured</source>
        <translation>not captured</translation>
    </message>
    <message>
        <source>no IP header was captured for this packet</source>
        <translation>no IP header was captured for this packet</translation>
    </message>
    <message>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>Identification</translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>Hop limit</source>
        <translation>Hop limit</translation>
    </message>
    <message>
        <source>Total length</source>
        <translation>Total length</translation>
    </message>
    <message>
        <source>Fragment</source>
        <translation>Fragment</translation>
    </message>
    <message>
        <source>not the first fragment: no transport header</source>
        <translation>not the first fragment: no transport header</translation>
    </message>
    <message>
        <source>Source port</source>
        <translation>Source port</translation>
    </message>
    <message>
        <source>Destination port</source>
        <translation>Destination port</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>Sequence number</translation>
    </message>
    <message>
        <source>Acknowledgment number</source>
        <translation>Acknowledgment number</translation>
    </message>
    <message>
        <source>type %1 code %2</source>
        <translation>type %1 code %2</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Sequence</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Offset / field</source>
        <translation>Offset / field</translation>
    </message>
    <message>
        <source>Event / value</source>
        <translation>Event / value</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>No packet selected</source>
        <translation>No packet selected</translation>
    </message>
    <message>
        <source>Select a packet in the list to see its journey through the kernel.</source>
        <translation>Select a packet in the list to see its journey through the kernel.</translation>
    </message>
    <message>
        <source>skb 0x%1</source>
        <translation>skb 0x%1</translation>
    </message>
    <message>
        <source>Journey %1 · %2 · events: %3 · %4</source>
        <translation>Journey %1 · %2 · events: %3 · %4</translation>
    </message>
    <message>
        <source>Path through the kernel</source>
        <translation>Path through the kernel</translation>
    </message>
    <message>
        <source>nftables rules evaluated</source>
        <translation>nftables rules evaluated</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Headers</translation>
    </message>
    <message>
        <source>Time per layer</source>
        <translation>Time per layer</translation>
    </message>
    <message>
        <source>chain verdict → %1</source>
        <translation>chain verdict → %1</translation>
    </message>
    <message>
        <source>chain verdict</source>
        <translation>chain verdict</translation>
    </message>
</context>
<context>
    <name>nt::KernelBtf</name>
    <message>
        <source>cannot read the kernel&apos;s BTF type information: this kernel was built without CONFIG_DEBUG_INFO_BTF, or /sys/kernel/btf/vmlinux is not readable. nft-tracer needs a kernel with BTF (Linux 5.8 or newer with BTF, as shipped by Debian, Ubuntu, Fedora).</source>
        <translation>cannot read the kernel&apos;s BTF type information: this kernel was built without CONFIG_DEBUG_INFO_BTF, or /sys/kernel/btf/vmlinux is not readable. nft-tracer needs a kernel with BTF (Linux 5.8 or newer with BTF, as shipped by Debian, Ubuntu, Fedora).</translation>
    </message>
</context>
<context>
    <name>nt::LatencyCharts</name>
    <message>
        <source>Latency charts</source>
        <translation>Latency charts</translation>
    </message>
    <message>
        <source>Per-layer latency box plot</source>
        <translation>Per-layer latency box plot</translation>
    </message>
    <message>
        <source>Selected packet&apos;s time per layer</source>
        <translation>Selected packet&apos;s time per layer</translation>
    </message>
    <message>
        <source>End-to-end latency histogram</source>
        <translation>End-to-end latency histogram</translation>
    </message>
    <message>
        <source>Latency percentiles per layer</source>
        <translation>Latency percentiles per layer</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Save as PNG…</translation>
    </message>
    <message>
        <source>Save the charts and the table as a PNG image</source>
        <translation>Save the charts and the table as a PNG image</translation>
    </message>
    <message>
        <source>Time per layer (µs), visible packets</source>
        <translation>Time per layer (µs), visible packets</translation>
    </message>
    <message>
        <source>End-to-end latency</source>
        <translation>End-to-end latency</translation>
    </message>
    <message numerus="yes">
        <source>Computing latency statistics for %n packet(s)…</source>
        <translation>
            <numerusform>Computing latency statistics for %n packet…</numerusform>
            <numerusform>Computing latency statistics for %n packets…</numerusform>
        </translation>
    </message>
    <message>
        <source>No packets selected</source>
        <translation>No packets selected</translation>
    </message>
    <message>
        <source>No trace</source>
        <translation>No trace</translation>
    </message>
    <message numerus="yes">
        <source>%n packet(s): median %1, p99 %2 end to end</source>
        <translation>
            <numerusform>%n packet: median %1, p99 %2 end to end</numerusform>
            <numerusform>%n packets: median %1, p99 %2 end to end</numerusform>
        </translation>
    </message>
    <message>
        <source>Time per layer</source>
        <translation>Time per layer</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>no data</translation>
    </message>
    <message>
        <source>µs</source>
        <translation>µs</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Packets</translation>
    </message>
    <message>
        <source>end-to-end time (µs, bins from)</source>
        <translation>end-to-end time (µs, bins from)</translation>
    </message>
    <message>
        <source>packets</source>
        <translation>packets</translation>
    </message>
    <message>
        <source>Packet %1: %2 per layer</source>
        <translation>Packet %1: %2 per layer</translation>
    </message>
    <message>
        <source>Select a packet to see its time per layer</source>
        <translation>Select a packet to see its time per layer</translation>
    </message>
    <message>
        <source>Save Latency Charts</source>
        <translation>Save Latency Charts</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1. Check that the folder exists and is writable, then try again.</source>
        <translation>Could not write %1. Check that the folder exists and is writable, then try again.</translation>
    </message>
</context>
<context>
    <name>nt::LatencyTableModel</name>
    <message>
        <source>End to end</source>
        <translation>End to end</translation>
    </message>
    <message>
        <source>%1 packets; mean %2, min %3</source>
        <translation>%1 packets; mean %2, min %3</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Packets</translation>
    </message>
    <message>
        <source>p50 (µs)</source>
        <translation>p50 (µs)</translation>
    </message>
    <message>
        <source>p90 (µs)</source>
        <translation>p90 (µs)</translation>
    </message>
    <message>
        <source>p99 (µs)</source>
        <translation>p99 (µs)</translation>
    </message>
    <message>
        <source>max (µs)</source>
        <translation>max (µs)</translation>
    </message>
</context>
<context>
    <name>nt::Layer</name>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>GRO</source>
        <translation>GRO</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>Bridge</translation>
    </message>
    <message>
        <source>Netfilter</source>
        <translation>Netfilter</translation>
    </message>
    <message>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Routing</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <source>Xmit</source>
        <translation>Xmit</translation>
    </message>
    <message>
        <source>SoftIRQ</source>
        <translation>SoftIRQ</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Drop</translation>
    </message>
</context>
<context>
    <name>nt::LinkWatcher</name>
    <message>
        <source>cannot list the network interfaces of the traced namespace (%1: %2). Check that rtnetlink (NETLINK_ROUTE) works in this namespace.</source>
        <translation>cannot list the network interfaces of the traced namespace (%1: %2). Check that rtnetlink (NETLINK_ROUTE) works in this namespace.</translation>
    </message>
</context>
<context>
    <name>nt::LiveBudgetDialog</name>
    <message>
        <source>Live Trace Memory</source>
        <translation>Live Trace Memory</translation>
    </message>
    <message>
        <source>A live trace keeps its journeys in memory up to this size. Beyond it the oldest journeys leave the view; they stay in the trace that File ▸ Save As writes. Takes effect when the next live trace starts.</source>
        <translation>A live trace keeps its journeys in memory up to this size. Beyond it the oldest journeys leave the view; they stay in the trace that File ▸ Save As writes. Takes effect when the next live trace starts.</translation>
    </message>
    <message>
        <source>Automatic: a quarter of the available memory (64 MiB to 4 GiB), now %1 MiB</source>
        <translation>Automatic: a quarter of the available memory (64 MiB to 4 GiB), now %1 MiB</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>&amp;Memory:</translation>
    </message>
</context>
<context>
    <name>nt::MainWindow</name>
    <message>
        <source>Packet journeys through the Linux kernel and nftables.</source>
        <translation>Packet journeys through the Linux kernel and nftables.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>&amp;Trace</source>
        <translation>&amp;Trace</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>Open &amp;Sample</source>
        <translation>Open &amp;Sample</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>Export &amp;JSON…</translation>
    </message>
    <message>
        <source>Export &amp;pcapng…</source>
        <translation>Export &amp;pcapng…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Clear List</translation>
    </message>
    <message>
        <source>&amp;Start…</source>
        <translation>&amp;Start…</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <source>Go to the packet filter</source>
        <translation>Go to the packet filter</translation>
    </message>
    <message>
        <source>Start tracing packets live (needs the nft-tracer helper)</source>
        <translation>Start tracing packets live (needs the nft-tracer helper)</translation>
    </message>
    <message>
        <source>Stop the live trace</source>
        <translation>Stop the live trace</translation>
    </message>
    <message>
        <source>&amp;About nft-tracer</source>
        <translation>&amp;About nft-tracer</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>S&amp;wimlane</source>
        <translation>S&amp;wimlane</translation>
    </message>
    <message>
        <source>Journey &amp;Detail</source>
        <translation>Journey &amp;Detail</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latency</translation>
    </message>
    <message>
        <source>Ruleset</source>
        <translation>Ruleset</translation>
    </message>
    <message>
        <source>nft-tracer</source>
        <translation>nft-tracer</translation>
    </message>
    <message>
        <source>Follow packets through the Linux kernel: every layer they cross, every nftables rule that judged them, and where they were dropped. Open a trace file, or start with the sample recorded between two network namespaces.</source>
        <translation>Follow packets through the Linux kernel: every layer they cross, every nftables rule that judged them, and where they were dropped. Open a trace file, or start with the sample recorded between two network namespaces.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>Open Sample</source>
        <translation>Open Sample</translation>
    </message>
    <message>
        <source>Recent traces</source>
        <translation>Recent traces</translation>
    </message>
    <message>
        <source>Live trace</source>
        <translation>Live trace</translation>
    </message>
    <message>
        <source>Sample trace</source>
        <translation>Sample trace</translation>
    </message>
    <message>
        <source>Unsaved trace</source>
        <translation>Unsaved trace</translation>
    </message>
    <message>
        <source>%1 — nft-tracer</source>
        <translation>%1 — nft-tracer</translation>
    </message>
    <message>
        <source>No trace</source>
        <translation>No trace</translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation>Backend: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Kernel %1 on %2</source>
        <translation>Kernel %1 on %2</translation>
    </message>
    <message>
        <source>Packets: %1 · Events: %2</source>
        <translation>Packets: %1 · Events: %2</translation>
    </message>
    <message>
        <source>%1 events/s</source>
        <translation>%1 events/s</translation>
    </message>
    <message>
        <source>Lost: %1</source>
        <translation>Lost: %1</translation>
    </message>
    <message>
        <source>Ring buffer full: %1
Packets not followed (tracking map full): %2
nft trace messages lost: %3
nft records joined to no packet: %4</source>
        <translation>Ring buffer full: %1
Packets not followed (tracking map full): %2
nft trace messages lost: %3
nft records joined to no packet: %4</translation>
    </message>
    <message>
        <source>Cannot open the sample</source>
        <translation>Cannot open the sample</translation>
    </message>
    <message>
        <source>The sample trace could not be copied to %1: %2</source>
        <translation>The sample trace could not be copied to %1: %2</translation>
    </message>
    <message>
        <source>Open Trace</source>
        <translation>Open Trace</translation>
    </message>
    <message>
        <source>nft-tracer traces (*.nftrace);;All files (*)</source>
        <translation>nft-tracer traces (*.nftrace);;All files (*)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message>
        <source>Cannot open the trace</source>
        <translation>Cannot open the trace</translation>
    </message>
    <message>
        <source>Opening cancelled</source>
        <translation>Opening cancelled</translation>
    </message>
    <message>
        <source>Rule: %1 %2 %3 #%4</source>
        <translation>Rule: %1 %2 %3 #%4</translation>
    </message>
    <message>
        <source>Chain: %1 %2 %3</source>
        <translation>Chain: %1 %2 %3</translation>
    </message>
    <message>
        <source>Save Trace As</source>
        <translation>Save Trace As</translation>
    </message>
    <message>
        <source>nft-tracer traces (*.nftrace)</source>
        <translation>nft-tracer traces (*.nftrace)</translation>
    </message>
    <message>
        <source>Cannot save the trace</source>
        <translation>Cannot save the trace</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>Export JSON</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exported %1</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <source>Export pcapng</source>
        <translation>Export pcapng</translation>
    </message>
    <message>
        <source>pcapng files (*.pcapng)</source>
        <translation>pcapng files (*.pcapng)</translation>
    </message>
    <message>
        <source>Trace stopped. Save it with File ▸ Save As.</source>
        <translation>Trace stopped. Save it with File ▸ Save As.</translation>
    </message>
    <message>
        <source>Live tracing needs the nft-tracer helper, which is not installed or could not be started. Install the nft-tracer-helper package (or run &apos;nft-tracer-cli record&apos; as root); trace files can still be opened.</source>
        <translation>Live tracing needs the nft-tracer helper, which is not installed or could not be started. Install the nft-tracer-helper package (or run &apos;nft-tracer-cli record&apos; as root); trace files can still be opened.</translation>
    </message>
    <message>
        <source>Tracing was not authorised. Tracing needs an administrator&apos;s permission; trace files can still be opened.</source>
        <translation>Tracing was not authorised. Tracing needs an administrator&apos;s permission; trace files can still be opened.</translation>
    </message>
    <message>
        <source>Live tracing failed</source>
        <translation>Live tracing failed</translation>
    </message>
    <message>
        <source>Starting the trace…</source>
        <translation>Starting the trace…</translation>
    </message>
    <message>
        <source>Stopping the trace…</source>
        <translation>Stopping the trace…</translation>
    </message>
    <message>
        <source>About nft-tracer</source>
        <translation>About nft-tracer</translation>
    </message>
    <message>
        <source>&lt;h3&gt;nft-tracer %1&lt;/h3&gt;&lt;p&gt;Packet journeys through the Linux kernel and nftables: every layer crossed, every rule evaluated, every drop with its reason.&lt;/p&gt;&lt;p&gt;Traces are recorded with eBPF tracepoints and nftables rule tracing.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;nft-tracer %1&lt;/h3&gt;&lt;p&gt;Packet journeys through the Linux kernel and nftables: every layer crossed, every rule evaluated, every drop with its reason.&lt;/p&gt;&lt;p&gt;Traces are recorded with eBPF tracepoints and nftables rule tracing.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Unsaved Trace</source>
        <translation>Unsaved Trace</translation>
    </message>
    <message>
        <source>The recorded trace has not been saved. Save it before quitting?</source>
        <translation>The recorded trace has not been saved. Save it before quitting?</translation>
    </message>
    <message>
        <source>Stop reading %1; the packets read so far stay</source>
        <translation>Stop reading %1; the packets read so far stay</translation>
    </message>
    <message>
        <source>Opening stopped: the packets read so far are shown</source>
        <translation>Opening stopped: the packets read so far are shown</translation>
    </message>
    <message numerus="yes">
        <source>Sorting and filtering %n packet(s)…</source>
        <translation>
            <numerusform>Sorting and filtering %n packet…</numerusform>
            <numerusform>Sorting and filtering %n packets…</numerusform>
        </translation>
    </message>
    <message>
        <source>This trace holds no interface names (it was recorded by an older version), so &apos;ifname&apos; matches nothing in it. Use &apos;ifindex N&apos; instead.</source>
        <translation>This trace holds no interface names (it was recorded by an older version), so &apos;ifname&apos; matches nothing in it. Use &apos;ifindex N&apos; instead.</translation>
    </message>
    <message>
        <source>the nft-tracer helper is not installed or could not be started</source>
        <translation>the nft-tracer helper is not installed or could not be started</translation>
    </message>
    <message>
        <source>Stop exporting; %1 is not written</source>
        <translation>Stop exporting; %1 is not written</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exporting %1…</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>Export cancelled</translation>
    </message>
    <message>
        <source>Not in this kernel, skipped (the other functions are traced): %1</source>
        <translation>Not in this kernel, skipped (the other functions are traced): %1</translation>
    </message>
    <message>
        <source>A trace file (.nftrace) to open; several files of one recording, or their folder, open as one trace.</source>
        <translation>A trace file (.nftrace) to open; several files of one recording, or their folder, open as one trace.</translation>
    </message>
    <message>
        <source>Open a trace file (.nftrace); select several files of one recording to open them as one trace</source>
        <translation>Open a trace file (.nftrace); select several files of one recording to open them as one trace</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>Open &amp;Folder…</translation>
    </message>
    <message>
        <source>Open the trace files of a folder as one trace (a rotated recording: record --ring)</source>
        <translation>Open the trace files of a folder as one trace (a rotated recording: record --ring)</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Open Folder</translation>
    </message>
    <message>
        <source>Export SQLite &amp;Rows…</source>
        <translation>Export SQLite &amp;Rows…</translation>
    </message>
    <message>
        <source>Write the trace with one SQLite row per event, for sqlite3 and other SQL tools (the view events_named names probes and functions); nft-tracer opens it too</source>
        <translation>Write the trace with one SQLite row per event, for sqlite3 and other SQL tools (the view events_named names probes and functions); nft-tracer opens it too</translation>
    </message>
    <message>
        <source>Export SQLite rows</source>
        <translation>Export SQLite rows</translation>
    </message>
    <message>
        <source>SQLite files (*.sqlite *.db)</source>
        <translation>SQLite files (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>Live Trace &amp;Memory…</source>
        <translation>Live Trace &amp;Memory…</translation>
    </message>
    <message>
        <source>How much memory a live trace may hold before its oldest journeys leave the view</source>
        <translation>How much memory a live trace may hold before its oldest journeys leave the view</translation>
    </message>
    <message>
        <source>The next live trace keeps up to %1 MiB in memory</source>
        <translation>The next live trace keeps up to %1 MiB in memory</translation>
    </message>
</context>
<context>
    <name>nt::Netns</name>
    <message>
        <source>network namespace &apos;%1&apos; not found (looked in %2): create it with `ip netns add %1` or pass a path</source>
        <translation>network namespace &apos;%1&apos; not found (looked in %2): create it with `ip netns add %1` or pass a path</translation>
    </message>
    <message>
        <source>cannot open network namespace %1: %2; run as root</source>
        <translation>cannot open network namespace %1: %2; run as root</translation>
    </message>
    <message>
        <source>cannot open network namespace %1: %2</source>
        <translation>cannot open network namespace %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a namespace file: pass a name from `ip netns list` or a path like /proc/PID/ns/net</source>
        <translation>%1 is not a namespace file: pass a name from `ip netns list` or a path like /proc/PID/ns/net</translation>
    </message>
    <message>
        <source>%1 is a namespace, but not a network namespace: pass /proc/PID/ns/net</source>
        <translation>%1 is a namespace, but not a network namespace: pass /proc/PID/ns/net</translation>
    </message>
    <message>
        <source>cannot stat network namespace %1: %2</source>
        <translation>cannot stat network namespace %1: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid network namespace name: use a name from `ip netns list`, or pass a path</source>
        <translation>&apos;%1&apos; is not a valid network namespace name: use a name from `ip netns list`, or pass a path</translation>
    </message>
    <message>
        <source>empty network namespace path: pass a path like /proc/PID/ns/net</source>
        <translation>empty network namespace path: pass a path like /proc/PID/ns/net</translation>
    </message>
    <message>
        <source>cannot read the current network namespace: %1; is /proc mounted?</source>
        <translation>cannot read the current network namespace: %1; is /proc mounted?</translation>
    </message>
    <message>
        <source>cannot enter network namespace %1: permission denied; entering a namespace needs root (CAP_SYS_ADMIN)</source>
        <translation>cannot enter network namespace %1: permission denied; entering a namespace needs root (CAP_SYS_ADMIN)</translation>
    </message>
    <message>
        <source>cannot enter network namespace %1: %2</source>
        <translation>cannot enter network namespace %1: %2</translation>
    </message>
</context>
<context>
    <name>nt::Nft</name>
    <message>
        <source>cannot open a netfilter netlink socket: %1; load the nfnetlink and nf_tables kernel modules (modprobe nf_tables)</source>
        <translation>cannot open a netfilter netlink socket: %1; load the nfnetlink and nf_tables kernel modules (modprobe nf_tables)</translation>
    </message>
    <message>
        <source>cannot create a libnftables context: out of memory</source>
        <translation>cannot create a libnftables context: out of memory</translation>
    </message>
    <message>
        <source>cannot buffer libnftables output: out of memory</source>
        <translation>cannot buffer libnftables output: out of memory</translation>
    </message>
</context>
<context>
    <name>nt::NftSource</name>
    <message>
        <source>kernel</source>
        <extracomment>Where an nftables rule evaluation was read: in the kernel (BPF) or from netlink.</extracomment>
        <translation>kernel</translation>
    </message>
    <message>
        <source>netlink</source>
        <translation>netlink</translation>
    </message>
    <message>
        <source>Read in the kernel next to the packet&apos;s sk_buff: exact, joined to this packet by its address</source>
        <translation>Read in the kernel next to the packet&apos;s sk_buff: exact, joined to this packet by its address</translation>
    </message>
    <message>
        <source>Read from an nftables trace message (netlink): joined to this packet by its header fingerprint and trace id</source>
        <translation>Read from an nftables trace message (netlink): joined to this packet by its header fingerprint and trace id</translation>
    </message>
</context>
<context>
    <name>nt::NftTraceReader</name>
    <message>
        <source>cannot open a netfilter netlink socket: %1; load the nfnetlink and nf_tables kernel modules (modprobe nf_tables)</source>
        <translation>cannot open a netfilter netlink socket: %1; load the nfnetlink and nf_tables kernel modules (modprobe nf_tables)</translation>
    </message>
    <message>
        <source>cannot bind the nftables trace socket: %1</source>
        <translation>cannot bind the nftables trace socket: %1</translation>
    </message>
    <message>
        <source>cannot subscribe to nftables traces: permission denied; run as root (CAP_NET_ADMIN)</source>
        <translation>cannot subscribe to nftables traces: permission denied; run as root (CAP_NET_ADMIN)</translation>
    </message>
    <message>
        <source>cannot subscribe to nftables traces (NFNLGRP_NFTRACE): %1</source>
        <translation>cannot subscribe to nftables traces (NFNLGRP_NFTRACE): %1</translation>
    </message>
    <message>
        <source>cannot read nftables trace messages: %1</source>
        <translation>cannot read nftables trace messages: %1</translation>
    </message>
</context>
<context>
    <name>nt::NftTraceTable</name>
    <message>
        <source>invalid nftables table name &apos;%1&apos;: use letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>invalid nftables table name &apos;%1&apos;: use letters, digits, &apos;_&apos; and &apos;-&apos;</translation>
    </message>
    <message>
        <source>the trace table needs between 1 and %1 filter expressions, got %2</source>
        <translation>the trace table needs between 1 and %1 filter expressions, got %2</translation>
    </message>
    <message>
        <source>filter expression rejected for the nftables trace rule: &apos;%1&apos; (it may not contain &apos;;&apos;, &apos;#&apos;, line breaks or unbalanced braces, and is limited to %2 characters)</source>
        <translation>filter expression rejected for the nftables trace rule: &apos;%1&apos; (it may not contain &apos;;&apos;, &apos;#&apos;, line breaks or unbalanced braces, and is limited to %2 characters)</translation>
    </message>
    <message>
        <source>cannot create the nftables trace table %1: permission denied; run as root (CAP_NET_ADMIN)</source>
        <translation>cannot create the nftables trace table %1: permission denied; run as root (CAP_NET_ADMIN)</translation>
    </message>
    <message>
        <source>cannot create the nftables trace table %1: a table with that name already exists; another recording may be running</source>
        <translation>cannot create the nftables trace table %1: a table with that name already exists; another recording may be running</translation>
    </message>
    <message>
        <source>cannot create the nftables trace table %1: %2</source>
        <translation>cannot create the nftables trace table %1: %2</translation>
    </message>
    <message>
        <source>a netdev trace chain binds between 1 and %1 interfaces, got %2</source>
        <translation>a netdev trace chain binds between 1 and %1 interfaces, got %2</translation>
    </message>
    <message>
        <source>invalid interface name &apos;%1&apos;</source>
        <translation>invalid interface name &apos;%1&apos;</translation>
    </message>
    <message>
        <source>bridge family chains are not traced: %1</source>
        <translation>bridge family chains are not traced: %1</translation>
    </message>
    <message>
        <source>netdev chains of these interfaces are not traced: %1</source>
        <translation>netdev chains of these interfaces are not traced: %1</translation>
    </message>
    <message>
        <source>netdev egress chains are not traced (the egress hook needs Linux 5.16 or later): %1</source>
        <translation>netdev egress chains are not traced (the egress hook needs Linux 5.16 or later): %1</translation>
    </message>
    <message>
        <source>netdev ingress and egress chains are not traced: %1</source>
        <translation>netdev ingress and egress chains are not traced: %1</translation>
    </message>
</context>
<context>
    <name>nt::PacketListModel</name>
    <message>
        <source>%1 id=%2 seq=%3</source>
        <translation>%1 id=%2 seq=%3</translation>
    </message>
    <message>
        <source>Echo request</source>
        <translation>Echo request</translation>
    </message>
    <message>
        <source>Echo reply</source>
        <translation>Echo reply</translation>
    </message>
    <message>
        <source>Destination unreachable (code %1)</source>
        <translation>Destination unreachable (code %1)</translation>
    </message>
    <message>
        <source>Neighbor solicitation</source>
        <translation>Neighbor solicitation</translation>
    </message>
    <message>
        <source>Neighbor advertisement</source>
        <translation>Neighbor advertisement</translation>
    </message>
    <message>
        <source>Router solicitation</source>
        <translation>Router solicitation</translation>
    </message>
    <message>
        <source>Router advertisement</source>
        <translation>Router advertisement</translation>
    </message>
    <message>
        <source>type %1 code %2</source>
        <translation>type %1 code %2</translation>
    </message>
    <message>
        <source>Fragment (id %1)</source>
        <translation>Fragment (id %1)</translation>
    </message>
    <message>
        <source>%1 → %2 [%3] Seq=%4 Ack=%5</source>
        <translation>%1 → %2 [%3] Seq=%4 Ack=%5</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>%1 (policy, %2)</source>
        <translation>%1 (policy, %2)</translation>
    </message>
    <message>
        <source>%1 (rule %2, %3)</source>
        <translation>%1 (rule %2, %3)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Journey number</source>
        <translation>Journey number</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Seconds since the trace started</source>
        <translation>Seconds since the trace started</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>Packet length in bytes</source>
        <translation>Packet length in bytes</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>Kernel layers crossed, in order</source>
        <translation>Kernel layers crossed, in order</translation>
    </message>
    <message>
        <source>Fate</source>
        <translation>Fate</translation>
    </message>
    <message>
        <source>How the packet&apos;s journey ended</source>
        <translation>How the packet&apos;s journey ended</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>The final nftables verdict</source>
        <translation>The final nftables verdict</translation>
    </message>
    <message>
        <source>Drop reason</source>
        <translation>Drop reason</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Total time</translation>
    </message>
    <message>
        <source>Time from the first to the last event</source>
        <translation>Time from the first to the last event</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>nt::Pcapng</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>nt::Recorder</name>
    <message>
        <source>recording needs root: BPF programs and the nftables trace table can only be installed by root. Run it with sudo.</source>
        <translation>recording needs root: BPF programs and the nftables trace table can only be installed by root. Run it with sudo.</translation>
    </message>
    <message>
        <source>poll failed: %1</source>
        <translation>poll failed: %1</translation>
    </message>
</context>
<context>
    <name>nt::Report</name>
    <message>
        <source>%1 at %2</source>
        <extracomment>%1 is a kernel drop reason (NO_SOCKET), %2 the kernel function where it happened.</extracomment>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <source>at %1</source>
        <extracomment>%1 is the kernel function that freed the packet (icmp_rcv+0x259).</extracomment>
        <translation>at %1</translation>
    </message>
    <message>
        <source>DROPPED by policy of chain %1 (%2)</source>
        <translation>DROPPED by policy of chain %1 (%2)</translation>
    </message>
    <message>
        <source>DROPPED by rule handle %1 in chain %2 (%3)</source>
        <translation>DROPPED by rule handle %1 in chain %2 (%3)</translation>
    </message>
    <message>
        <source>DROPPED: %1</source>
        <translation>DROPPED: %1</translation>
    </message>
    <message>
        <source>DELIVERED to the local stack in netns %1</source>
        <translation>DELIVERED to the local stack in netns %1</translation>
    </message>
    <message>
        <source>FORWARDED from if %1 to if %2</source>
        <translation>FORWARDED from if %1 to if %2</translation>
    </message>
    <message>
        <source>TRANSMITTED on if %1 in netns %2</source>
        <translation>TRANSMITTED on if %1 in netns %2</translation>
    </message>
    <message>
        <source>CONSUMED at %1</source>
        <translation>CONSUMED at %1</translation>
    </message>
    <message>
        <source>IN FLIGHT (no event for too long)</source>
        <translation>IN FLIGHT (no event for too long)</translation>
    </message>
    <message>
        <source>IN FLIGHT (not finished when the trace ended)</source>
        <translation>IN FLIGHT (not finished when the trace ended)</translation>
    </message>
    <message>
        <source>journey %1: %2, %3 events, %4µs: %5</source>
        <translation>journey %1: %2, %3 events, %4µs: %5</translation>
    </message>
    <message>
        <source>PACKET TRACE: %1</source>
        <translation>PACKET TRACE: %1</translation>
    </message>
    <message>
        <source>%1 | Events: %2, Probes: %3, NFT Chains: %4, Rules: %5 | Verdict: %6 | Fate: %7</source>
        <translation>%1 | Events: %2, Probes: %3, NFT Chains: %4, Rules: %5 | Verdict: %6 | Fate: %7</translation>
    </message>
    <message>
        <source>Cloned from journey %1</source>
        <translation>Cloned from journey %1</translation>
    </message>
    <message>
        <source>%1 Layer:</source>
        <extracomment>%1 is a layer name (nt::Layer).</extracomment>
        <translation>%1 Layer:</translation>
    </message>
    <message>
        <source>NFT Rules Evaluated:</source>
        <translation>NFT Rules Evaluated:</translation>
    </message>
    <message>
        <source>Fate: %1</source>
        <translation>Fate: %1</translation>
    </message>
    <message>
        <source>Time per Layer:</source>
        <translation>Time per Layer:</translation>
    </message>
    <message>
        <source>Total</source>
        <extracomment>The journey&apos;s whole duration, below the time spent in each layer.</extracomment>
        <translation>Total</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>TRACE STATISTICS</source>
        <translation>TRACE STATISTICS</translation>
    </message>
    <message>
        <source>Total events:</source>
        <translation>Total events:</translation>
    </message>
    <message>
        <source>Packets traced:</source>
        <translation>Packets traced:</translation>
    </message>
    <message>
        <source>Probes hit:</source>
        <translation>Probes hit:</translation>
    </message>
    <message>
        <source>NFT chains:</source>
        <translation>NFT chains:</translation>
    </message>
    <message>
        <source>NFT rules:</source>
        <translation>NFT rules:</translation>
    </message>
    <message>
        <source>Events by Layer:</source>
        <translation>Events by Layer:</translation>
    </message>
    <message>
        <source>Packets by Verdict:</source>
        <translation>Packets by Verdict:</translation>
    </message>
    <message>
        <source>Packets by Fate:</source>
        <translation>Packets by Fate:</translation>
    </message>
    <message>
        <source>Top Drop Reasons:</source>
        <translation>Top Drop Reasons:</translation>
    </message>
    <message>
        <source>Loss:</source>
        <translation>Loss:</translation>
    </message>
    <message>
        <source>Events lost (ring buffer full)</source>
        <translation>Events lost (ring buffer full)</translation>
    </message>
    <message>
        <source>Packets not followed (tracked-skb map full)</source>
        <translation>Packets not followed (tracked-skb map full)</translation>
    </message>
    <message>
        <source>NFT trace messages lost</source>
        <translation>NFT trace messages lost</translation>
    </message>
    <message>
        <source>NFT records not joined to a packet</source>
        <translation>NFT records not joined to a packet</translation>
    </message>
    <message>
        <source>Packet headers without events</source>
        <translation>Packet headers without events</translation>
    </message>
    <message>
        <source>Events filtered in kernel</source>
        <translation>Events filtered in kernel</translation>
    </message>
    <message>
        <source>NAT: %1</source>
        <translation>NAT: %1</translation>
    </message>
    <message>
        <source> became %1 at %2</source>
        <extracomment>NAT rewrote the packet&apos;s addresses: %1 the new endpoints, %2 the netfilter hook.</extracomment>
        <translation> became %1 at %2</translation>
    </message>
    <message>
        <source> became %1</source>
        <translation> became %1</translation>
    </message>
    <message>
        <source>Conntrack: %1</source>
        <translation>Conntrack: %1</translation>
    </message>
    <message>
        <source>original direction</source>
        <translation>original direction</translation>
    </message>
    <message>
        <source>reply direction</source>
        <translation>reply direction</translation>
    </message>
    <message>
        <source>Conntrack: id %1, %2, %3</source>
        <translation>Conntrack: id %1, %2, %3</translation>
    </message>
    <message>
        <source>original freed at %1 (%2)</source>
        <extracomment>%1 the kernel function, %2 the drop reason (NO_SOCKET).</extracomment>
        <translation>original freed at %1 (%2)</translation>
    </message>
    <message>
        <source>original consumed at %1</source>
        <translation>original consumed at %1</translation>
    </message>
    <message>
        <source>original not freed yet</source>
        <translation>original not freed yet</translation>
    </message>
    <message>
        <source>DELIVERED: %1; a clone was delivered to a socket (journey %2)</source>
        <translation>DELIVERED: %1; a clone was delivered to a socket (journey %2)</translation>
    </message>
    <message>
        <source>  no packet with that header</source>
        <translation>  no packet with that header</translation>
    </message>
    <message>
        <source>  no packet, events were lost</source>
        <translation>  no packet, events were lost</translation>
    </message>
    <message>
        <source>  header is not an IP packet</source>
        <translation>  header is not an IP packet</translation>
    </message>
    <message>
        <source>  out of order (walk start missing)</source>
        <translation>  out of order (walk start missing)</translation>
    </message>
    <message>
        <source>  duplicate message</source>
        <translation>  duplicate message</translation>
    </message>
    <message>
        <source>Packets followed through NAT</source>
        <translation>Packets followed through NAT</translation>
    </message>
    <message>
        <source>Trace id collisions (joined by header)</source>
        <translation>Trace id collisions (joined by header)</translation>
    </message>
    <message>
        <source>Events excluded (not packets)</source>
        <translation>Events excluded (not packets)</translation>
    </message>
    <message>
        <source>DROPPED by rule handle %1 ⟨%2⟩ in chain %3 (%4)</source>
        <extracomment>%1 the rule handle, %2 the rule in nft syntax (tcp dport 22 drop), %3 the chain, %4 the drop reason and where it happened.</extracomment>
        <translation>DROPPED by rule handle %1 ⟨%2⟩ in chain %3 (%4)</translation>
    </message>
</context>
<context>
    <name>nt::Ruleset</name>
    <message>
        <source>libnftables returned a ruleset that is not nftables JSON (%1)</source>
        <translation>libnftables returned a ruleset that is not nftables JSON (%1)</translation>
    </message>
    <message>
        <source>no &quot;nftables&quot; array</source>
        <translation>no &quot;nftables&quot; array</translation>
    </message>
    <message>
        <source>cannot read the nftables ruleset: permission denied; run as root (CAP_NET_ADMIN)</source>
        <translation>cannot read the nftables ruleset: permission denied; run as root (CAP_NET_ADMIN)</translation>
    </message>
    <message>
        <source>cannot read the nftables ruleset: %1</source>
        <translation>cannot read the nftables ruleset: %1</translation>
    </message>
</context>
<context>
    <name>nt::RulesetModel</name>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>policy: %1</source>
        <translation>policy: %1</translation>
    </message>
    <message>
        <source>table %1 %2</source>
        <translation>table %1 %2</translation>
    </message>
    <message>
        <source>chain %1</source>
        <translation>chain %1</translation>
    </message>
    <message>
        <source>%1 hook %2 priority %3; policy %4</source>
        <translation>%1 hook %2 priority %3; policy %4</translation>
    </message>
    <message>
        <source>regular chain</source>
        <translation>regular chain</translation>
    </message>
    <message numerus="yes">
        <source>%n chain(s)</source>
        <translation>
            <numerusform>%n chain</numerusform>
            <numerusform>%n chains</numerusform>
        </translation>
    </message>
    <message>
        <source>Ruleset</source>
        <translation>Ruleset</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Handle</translation>
    </message>
    <message>
        <source>Traced packets</source>
        <translation>Traced packets</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>device %1</source>
        <translation>device %1</translation>
    </message>
    <message>
        <source>devices = { %1 }</source>
        <translation>devices = { %1 }</translation>
    </message>
    <message>
        <source>%1 hook %2 %3 priority %4; policy %5</source>
        <translation>%1 hook %2 %3 priority %4; policy %5</translation>
    </message>
</context>
<context>
    <name>nt::RulesetView</name>
    <message>
        <source>Filter rules…</source>
        <translation>Filter rules…</translation>
    </message>
    <message>
        <source>Filter rules</source>
        <translation>Filter rules</translation>
    </message>
    <message>
        <source>Ruleset</source>
        <translation>Ruleset</translation>
    </message>
    <message>
        <source>The ruleset saved in this trace could not be read.</source>
        <translation>The ruleset saved in this trace could not be read.</translation>
    </message>
    <message>
        <source>The trace holds no nftables ruleset.</source>
        <translation>The trace holds no nftables ruleset.</translation>
    </message>
    <message>
        <source>Open a trace to see its nftables ruleset.</source>
        <translation>Open a trace to see its nftables ruleset.</translation>
    </message>
</context>
<context>
    <name>nt::StartDialog</name>
    <message>
        <source>Start Trace</source>
        <translation>Start Trace</translation>
    </message>
    <message>
        <source>Traces packets through the kernel of this machine with the nft-tracer helper. You will be asked to authenticate.</source>
        <translation>Traces packets through the kernel of this machine with the nft-tracer helper. You will be asked to authenticate.</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>all packets (e.g. tcp port 443 or icmp)</source>
        <translation>all packets (e.g. tcp port 443 or icmp)</translation>
    </message>
    <message>
        <source>&amp;Network namespace:</source>
        <translation>&amp;Network namespace:</translation>
    </message>
    <message>
        <source>A name under /run/netns (ip netns add NAME); empty: the helper&apos;s own</source>
        <translation>A name under /run/netns (ip netns add NAME); empty: the helper&apos;s own</translation>
    </message>
    <message>
        <source>Trace &amp;nftables rule evaluation (adds a trace rule to the ruleset)</source>
        <translation>Trace &amp;nftables rule evaluation (adds a trace rule to the ruleset)</translation>
    </message>
    <message>
        <source>Stop after (&amp;seconds):</source>
        <translation>Stop after (&amp;seconds):</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>Stop after (&amp;packets):</source>
        <translation>Stop after (&amp;packets):</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>Name at least one kernel function.</source>
        <translation>Name at least one kernel function.</translation>
    </message>
    <message>
        <source>Choose a trace_config.json file.</source>
        <translation>Choose a trace_config.json file.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>Kernel function configuration</source>
        <translation>Kernel function configuration</translation>
    </message>
    <message>
        <source>Function configurations (*.json);;All files (*)</source>
        <translation>Function configurations (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Only the kernel&apos;s networking tracepoints are traced (about 20 probes).</source>
        <translation>Only the kernel&apos;s networking tracepoints are traced (about 20 probes).</translation>
    </message>
    <message>
        <source>%1 kernel functions on this kernel, besides the tracepoints.</source>
        <translation>%1 kernel functions on this kernel, besides the tracepoints.</translation>
    </message>
    <message>
        <source>How many functions this is on this kernel is unknown: %1</source>
        <translation>How many functions this is on this kernel is unknown: %1</translation>
    </message>
    <message>
        <source>Asking the helper how many functions this is on this kernel…</source>
        <translation>Asking the helper how many functions this is on this kernel…</translation>
    </message>
    <message>
        <source>%1 kernel functions named; names this kernel lacks are skipped.</source>
        <translation>%1 kernel functions named; names this kernel lacks are skipped.</translation>
    </message>
    <message>
        <source>%1 enabled functions in the file; names this kernel lacks are skipped.</source>
        <translation>%1 enabled functions in the file; names this kernel lacks are skipped.</translation>
    </message>
    <message>
        <source>%1 is unavailable: %2</source>
        <translation>%1 is unavailable: %2</translation>
    </message>
    <message>
        <source>This kernel offers no way to trace kernel functions; the helper will refuse. Choose tracepoints only.</source>
        <translation>This kernel offers no way to trace kernel functions; the helper will refuse. Choose tracepoints only.</translation>
    </message>
    <message>
        <source>Which backends this kernel offers is unknown: %1</source>
        <translation>Which backends this kernel offers is unknown: %1</translation>
    </message>
    <message>
        <source>Kernel functions</source>
        <translation>Kernel functions</translation>
    </message>
    <message>
        <source>&amp;Trace:</source>
        <translation>&amp;Trace:</translation>
    </message>
    <message>
        <source>Tracepoints only</source>
        <translation>Tracepoints only</translation>
    </message>
    <message>
        <source>Kernel functions by layer and priority</source>
        <translation>Kernel functions by layer and priority</translation>
    </message>
    <message>
        <source>A list of kernel functions</source>
        <translation>A list of kernel functions</translation>
    </message>
    <message>
        <source>A function configuration file (trace_config.json)</source>
        <translation>A function configuration file (trace_config.json)</translation>
    </message>
    <message>
        <source>Besides the tracepoints, trace every kernel function that takes the packet (struct sk_buff), found in this kernel&apos;s BTF</source>
        <translation>Besides the tracepoints, trace every kernel function that takes the packet (struct sk_buff), found in this kernel&apos;s BTF</translation>
    </message>
    <message>
        <source>La&amp;yers:</source>
        <translation>La&amp;yers:</translation>
    </message>
    <message>
        <source>None checked: every layer</source>
        <translation>None checked: every layer</translation>
    </message>
    <message>
        <source>&amp;Priority up to:</source>
        <translation>&amp;Priority up to:</translation>
    </message>
    <message>
        <source>0: critical (the main entry of each layer)</source>
        <translation>0: critical (the main entry of each layer)</translation>
    </message>
    <message>
        <source>1: important</source>
        <translation>1: important</translation>
    </message>
    <message>
        <source>2: detail</source>
        <translation>2: detail</translation>
    </message>
    <message>
        <source>3: verbose (everything)</source>
        <translation>3: verbose (everything)</translation>
    </message>
    <message>
        <source>At &amp;most:</source>
        <translation>At &amp;most:</translation>
    </message>
    <message>
        <source> functions</source>
        <translation> functions</translation>
    </message>
    <message>
        <source>F&amp;unctions:</source>
        <translation>F&amp;unctions:</translation>
    </message>
    <message>
        <source>e.g. ip_rcv, ip_local_deliver, tcp_v4_rcv</source>
        <translation>e.g. ip_rcv, ip_local_deliver, tcp_v4_rcv</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>trace_config.json (from &apos;nft-tracer-cli discover --config&apos; or the earlier tracer)</source>
        <translation>trace_config.json (from &apos;nft-tracer-cli discover --config&apos; or the earlier tracer)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend:</translation>
    </message>
    <message>
        <source>Automatic (the best this kernel offers)</source>
        <translation>Automatic (the best this kernel offers)</translation>
    </message>
    <message>
        <source>kprobe.multi (fastest to attach)</source>
        <translation>kprobe.multi (fastest to attach)</translation>
    </message>
    <message>
        <source>kprobe</source>
        <translation>kprobe</translation>
    </message>
    <message>
        <source>fentry</source>
        <translation>fentry</translation>
    </message>
    <message>
        <source>Tracepoints (no kernel functions)</source>
        <translation>Tracepoints (no kernel functions)</translation>
    </message>
</context>
<context>
    <name>nt::StatisticsView</name>
    <message>
        <source>Statistic</source>
        <translation>Statistic</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Total events</source>
        <translation>Total events</translation>
    </message>
    <message>
        <source>Packets (journeys)</source>
        <translation>Packets (journeys)</translation>
    </message>
    <message>
        <source>Probes hit</source>
        <translation>Probes hit</translation>
    </message>
    <message>
        <source>nft chain walks</source>
        <translation>nft chain walks</translation>
    </message>
    <message>
        <source>nft rule decisions</source>
        <translation>nft rule decisions</translation>
    </message>
    <message>
        <source>Packets by fate</source>
        <translation>Packets by fate</translation>
    </message>
    <message>
        <source>Packets by nftables verdict</source>
        <translation>Packets by nftables verdict</translation>
    </message>
    <message>
        <source>Events by layer</source>
        <translation>Events by layer</translation>
    </message>
    <message>
        <source>nftables chains and rules</source>
        <translation>nftables chains and rules</translation>
    </message>
    <message>
        <source>Top drop reasons</source>
        <translation>Top drop reasons</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>Events lost: ring buffer full</source>
        <translation>Events lost: ring buffer full</translation>
    </message>
    <message>
        <source>Packets not followed: tracking map full</source>
        <translation>Packets not followed: tracking map full</translation>
    </message>
    <message>
        <source>nft trace messages lost</source>
        <translation>nft trace messages lost</translation>
    </message>
    <message>
        <source>nft records joined to no packet</source>
        <translation>nft records joined to no packet</translation>
    </message>
    <message>
        <source>Packet headers never claimed</source>
        <translation>Packet headers never claimed</translation>
    </message>
    <message>
        <source>Events skipped by the filter</source>
        <translation>Events skipped by the filter</translation>
    </message>
    <message>
        <source>Events submitted by BPF</source>
        <translation>Events submitted by BPF</translation>
    </message>
    <message>
        <source>Events excluded: netlink/AF_UNIX messages, buffers without a protocol</source>
        <translation>Events excluded: netlink/AF_UNIX messages, buffers without a protocol</translation>
    </message>
    <message>
        <source>Kernel functions hit</source>
        <translation>Kernel functions hit</translation>
    </message>
    <message>
        <source>Events by kernel function</source>
        <translation>Events by kernel function</translation>
    </message>
    <message>
        <source>Events by tracepoint</source>
        <translation>Events by tracepoint</translation>
    </message>
</context>
<context>
    <name>nt::SwimlaneLayout</name>
    <message>
        <source>%1 #%2 %3</source>
        <translation>%1 #%2 %3</translation>
    </message>
    <message>
        <source>%1 policy %2</source>
        <translation>%1 policy %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 chain %2</source>
        <translation>%1 chain %2</translation>
    </message>
</context>
<context>
    <name>nt::SwimlaneView</name>
    <message>
        <source>µs</source>
        <translation>µs</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Journey swimlanes</source>
        <translation>Journey swimlanes</translation>
    </message>
    <message>
        <source>No journey shown</source>
        <translation>No journey shown</translation>
    </message>
    <message>
        <source>&amp;Align Journeys at Their Start</source>
        <translation>&amp;Align Journeys at Their Start</translation>
    </message>
    <message>
        <source>Show &amp;Empty Lanes</source>
        <translation>Show &amp;Empty Lanes</translation>
    </message>
    <message numerus="yes">
        <source>%n journey(s) over %1</source>
        <translation>
            <numerusform>%n journey over %1</numerusform>
            <numerusform>%n journeys over %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;nft chain %1&lt;/b&gt;&lt;br&gt;policy: %2</source>
        <translation>&lt;b&gt;nft chain %1&lt;/b&gt;&lt;br&gt;policy: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;nft rule #%1&lt;/b&gt; in %2&lt;br&gt;verdict: %3</source>
        <translation>&lt;b&gt;nft rule #%1&lt;/b&gt; in %2&lt;br&gt;verdict: %3</translation>
    </message>
    <message>
        <source>&lt;br&gt;target: %1</source>
        <translation>&lt;br&gt;target: %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;hook: %1</source>
        <translation>&lt;br&gt;hook: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2)</translation>
    </message>
    <message>
        <source>function</source>
        <translation>function</translation>
    </message>
    <message>
        <source>tracepoint</source>
        <translation>tracepoint</translation>
    </message>
    <message>
        <source>&lt;br&gt;if %1, netns %2, len %3</source>
        <translation>&lt;br&gt;if %1, netns %2, len %3</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;dropped:&lt;/b&gt; %1 at %2</source>
        <translation>&lt;br&gt;&lt;b&gt;dropped:&lt;/b&gt; %1 at %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;rc %1</source>
        <translation>&lt;br&gt;rc %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;layer: %1&lt;br&gt;time: +%2 (journey %3)</source>
        <translation>&lt;br&gt;layer: %1&lt;br&gt;time: +%2 (journey %3)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>Zoom to &amp;Fit</translation>
    </message>
    <message>
        <source>Select one or more packets to see their journeys</source>
        <translation>Select one or more packets to see their journeys</translation>
    </message>
    <message>
        <source>Open a trace to see packet journeys</source>
        <translation>Open a trace to see packet journeys</translation>
    </message>
    <message>
        <source>from start</source>
        <translation>from start</translation>
    </message>
    <message>
        <source>from first</source>
        <translation>from first</translation>
    </message>
    <message>
        <source>%1 of %2 journeys drawn</source>
        <translation>%1 of %2 journeys drawn</translation>
    </message>
    <message numerus="yes">
        <source>%n journey(s)</source>
        <translation>
            <numerusform>%n journey</numerusform>
            <numerusform>%n journeys</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;nft chain %1&lt;/b&gt;&lt;br&gt;chain verdict: %2</source>
        <translation>&lt;b&gt;nft chain %1&lt;/b&gt;&lt;br&gt;chain verdict: %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;read from: %1 (%2)</source>
        <translation>&lt;br&gt;read from: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>nt::TraceDocument</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation>cannot open %1: %2</translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation>cannot save %1: %2</translation>
    </message>
    <message>
        <source>cannot save %1: %2; choose a folder you can write to</source>
        <translation>cannot save %1: %2; choose a folder you can write to</translation>
    </message>
    <message numerus="yes">
        <source>The %n packet(s) read before the damage are shown; they may be incomplete.</source>
        <translation>
            <numerusform>The %n packet read before the damage is shown; it may be incomplete.</numerusform>
            <numerusform>The %n packets read before the damage are shown; they may be incomplete.</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot export %1: the trace is still being read or recorded; export it once it is complete</source>
        <translation>cannot export %1: the trace is still being read or recorded; export it once it is complete</translation>
    </message>
    <message>
        <source>cannot create a temporary folder for the live trace: %1</source>
        <translation>cannot create a temporary folder for the live trace: %1</translation>
    </message>
    <message>
        <source>Showing the last %1 journeys; %2 older ones left memory and are in the saved trace</source>
        <translation>Showing the last %1 journeys; %2 older ones left memory and are in the saved trace</translation>
    </message>
    <message>
        <source>cannot save %1: the live trace&apos;s older journeys were in a temporary file that could not be written (%2); only the newest journeys are in memory</source>
        <translation>cannot save %1: the live trace&apos;s older journeys were in a temporary file that could not be written (%2); only the newest journeys are in memory</translation>
    </message>
    <message>
        <source>cannot export %1: the oldest journeys of this live trace left memory; save it (File ▸ Save As), open the saved file and export that</source>
        <translation>cannot export %1: the oldest journeys of this live trace left memory; save it (File ▸ Save As), open the saved file and export that</translation>
    </message>
</context>
<context>
    <name>nt::TraceFile</name>
    <message>
        <source>Reading the trace file was cancelled.</source>
        <translation>Reading the trace file was cancelled.</translation>
    </message>
    <message>
        <source>Cannot write the trace file %1: %2 (%3). Check that the disk has free space and the file is still there.</source>
        <translation>Cannot write the trace file %1: %2 (%3). Check that the disk has free space and the file is still there.</translation>
    </message>
    <message>
        <source>a database statement failed</source>
        <translation>a database statement failed</translation>
    </message>
    <message>
        <source>cannot prepare a statement</source>
        <translation>cannot prepare a statement</translation>
    </message>
    <message>
        <source>cannot store a row</source>
        <translation>cannot store a row</translation>
    </message>
    <message>
        <source>Cannot replace the file %1: %2. Choose another name or remove the file first.</source>
        <translation>Cannot replace the file %1: %2. Choose another name or remove the file first.</translation>
    </message>
    <message>
        <source>The trace file %1 already exists. Choose another name or allow overwriting it.</source>
        <translation>The trace file %1 already exists. Choose another name or allow overwriting it.</translation>
    </message>
    <message>
        <source>Cannot create the trace file %1: %2. Choose a folder you can write to.</source>
        <translation>Cannot create the trace file %1: %2. Choose a folder you can write to.</translation>
    </message>
    <message>
        <source>cannot open the new file</source>
        <translation>cannot open the new file</translation>
    </message>
    <message>
        <source>cannot leave write-ahead-log mode</source>
        <translation>cannot leave write-ahead-log mode</translation>
    </message>
    <message>
        <source>cannot close the file</source>
        <translation>cannot close the file</translation>
    </message>
    <message>
        <source>not an integer</source>
        <translation>not an integer</translation>
    </message>
    <message>
        <source>value %1 out of range</source>
        <translation>value %1 out of range</translation>
    </message>
    <message>
        <source>not text</source>
        <translation>not text</translation>
    </message>
    <message>
        <source>not a blob</source>
        <translation>not a blob</translation>
    </message>
    <message>
        <source>%1 bytes, more than the %2 a recorder writes</source>
        <translation>%1 bytes, more than the %2 a recorder writes</translation>
    </message>
    <message>
        <source>column %1 of table %2: %3</source>
        <translation>column %1 of table %2: %3</translation>
    </message>
    <message>
        <source>The trace file %1 is damaged and cannot be read (%2). If it was copied from another machine, copy it again.</source>
        <translation>The trace file %1 is damaged and cannot be read (%2). If it was copied from another machine, copy it again.</translation>
    </message>
    <message>
        <source>%1 is not an nft-tracer trace file (%2). Open a .nftrace file recorded by nft-tracer.</source>
        <translation>%1 is not an nft-tracer trace file (%2). Open a .nftrace file recorded by nft-tracer.</translation>
    </message>
    <message>
        <source>The trace file %1 is too large to read on this machine (%2).</source>
        <translation>The trace file %1 is too large to read on this machine (%2).</translation>
    </message>
    <message>
        <source>Cannot read the trace file %1: %2.</source>
        <translation>Cannot read the trace file %1: %2.</translation>
    </message>
    <message>
        <source>table %1 is missing or lacks a column: %2</source>
        <translation>table %1 is missing or lacks a column: %2</translation>
    </message>
    <message>
        <source>PRAGMA %1 gave no number</source>
        <translation>PRAGMA %1 gave no number</translation>
    </message>
    <message>
        <source>The trace file %1 does not exist. Check the name and the folder.</source>
        <translation>The trace file %1 does not exist. Check the name and the folder.</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>not a regular file</translation>
    </message>
    <message>
        <source>not an SQLite database</source>
        <translation>not an SQLite database</translation>
    </message>
    <message>
        <source>invalid page size %1</source>
        <translation>invalid page size %1</translation>
    </message>
    <message>
        <source>Cannot recover the trace file %1: no temporary folder (%2).</source>
        <translation>Cannot recover the trace file %1: no temporary folder (%2).</translation>
    </message>
    <message>
        <source>Cannot recover the trace file %1: copying it failed (%2). Free some space in the temporary folder.</source>
        <translation>Cannot recover the trace file %1: copying it failed (%2). Free some space in the temporary folder.</translation>
    </message>
    <message>
        <source>the recording was cut short and its companion file %1-wal is missing; copy it next to the trace</source>
        <translation>the recording was cut short and its companion file %1-wal is missing; copy it next to the trace</translation>
    </message>
    <message>
        <source>an SQLite database of another application</source>
        <translation>an SQLite database of another application</translation>
    </message>
    <message>
        <source>%1 was written by a newer nft-tracer (schema %2); this version reads up to %3 — update nft-tracer.</source>
        <translation>%1 was written by a newer nft-tracer (schema %2); this version reads up to %3 — update nft-tracer.</translation>
    </message>
    <message>
        <source>unknown schema version %1</source>
        <translation>unknown schema version %1</translation>
    </message>
    <message>
        <source>nft trace type %1 is unknown</source>
        <translation>nft trace type %1 is unknown</translation>
    </message>
    <message>
        <source>the integrity check failed</source>
        <translation>the integrity check failed</translation>
    </message>
    <message>
        <source>probe attached flag %1 is not 0 or 1</source>
        <translation>probe attached flag %1 is not 0 or 1</translation>
    </message>
    <message>
        <source>drop reason %1 is out of range</source>
        <translation>drop reason %1 is out of range</translation>
    </message>
    <message>
        <source>interface %1 has a name of %2 bytes</source>
        <translation>interface %1 has a name of %2 bytes</translation>
    </message>
    <message>
        <source>The folder %1 holds no .nftrace files.</source>
        <translation>The folder %1 holds no .nftrace files.</translation>
    </message>
    <message>
        <source>%1 and %2 were recorded on different machines (%3, %4): open them one at a time.</source>
        <translation>%1 and %2 were recorded on different machines (%3, %4): open them one at a time.</translation>
    </message>
    <message>
        <source>The trace file %1 is cut off: it has %2 of its %3 bytes, and the cut lies in its description (the meta table), so nothing in it can be read. If it was copied, copy it again.</source>
        <translation>The trace file %1 is cut off: it has %2 of its %3 bytes, and the cut lies in its description (the meta table), so nothing in it can be read. If it was copied, copy it again.</translation>
    </message>
    <message>
        <source>kept %1 events in %2 complete event pages, %3 packet headers and %4 nft trace records</source>
        <translation>kept %1 events in %2 complete event pages, %3 packet headers and %4 nft trace records</translation>
    </message>
    <message>
        <source>The trace file %1 is cut off: it has %2 of its %3 bytes. Every record was read (%4); only its indexes are lost.</source>
        <translation>The trace file %1 is cut off: it has %2 of its %3 bytes. Every record was read (%4); only its indexes are lost.</translation>
    </message>
    <message>
        <source>The trace file %1 is cut off: it has %2 of its %3 bytes. Read up to the cut: %4. Lost: the rows after the cut in the tables %5. If it was copied, copy it again.</source>
        <translation>The trace file %1 is cut off: it has %2 of its %3 bytes. Read up to the cut: %4. Lost: the rows after the cut in the tables %5. If it was copied, copy it again.</translation>
    </message>
    <message>
        <source>The trace file %1 is cut off: it has %2 of its %3 bytes.</source>
        <translation>The trace file %1 is cut off: it has %2 of its %3 bytes.</translation>
    </message>
    <message>
        <source>a page lies past the end of the file</source>
        <translation>a page lies past the end of the file</translation>
    </message>
    <message>
        <source>it has format %1, not %2</source>
        <translation>it has format %1, not %2</translation>
    </message>
    <message>
        <source>it refers to an address it does not list</source>
        <translation>it refers to an address it does not list</translation>
    </message>
    <message>
        <source>it has %1 bytes after its last record</source>
        <translation>it has %1 bytes after its last record</translation>
    </message>
    <message>
        <source>it ends in the middle of a value</source>
        <translation>it ends in the middle of a value</translation>
    </message>
    <message>
        <source>it holds a number longer than 64 bits</source>
        <translation>it holds a number longer than 64 bits</translation>
    </message>
    <message>
        <source>it holds %1 %2, out of range</source>
        <translation>it holds %1 %2, out of range</translation>
    </message>
    <message>
        <source>it promises %1 %2, more than it can hold</source>
        <translation>it promises %1 %2, more than it can hold</translation>
    </message>
    <message>
        <source>it says it unpacks to %1 bytes, more than %2</source>
        <translation>it says it unpacks to %1 bytes, more than %2</translation>
    </message>
    <message>
        <source>it holds %1 bytes where it says %2</source>
        <translation>it holds %1 bytes where it says %2</translation>
    </message>
    <message>
        <source>it is packed in an unknown way (%1)</source>
        <translation>it is packed in an unknown way (%1)</translation>
    </message>
    <message>
        <source>its packed frame does not say the page&apos;s size</source>
        <translation>its packed frame does not say the page&apos;s size</translation>
    </message>
    <message>
        <source>it cannot be unpacked: %1</source>
        <translation>it cannot be unpacked: %1</translation>
    </message>
    <message>
        <source>it unpacks to %1 bytes where it says %2</source>
        <translation>it unpacks to %1 bytes where it says %2</translation>
    </message>
    <message>
        <source>it refers to a %1 name it does not list</source>
        <translation>it refers to a %1 name it does not list</translation>
    </message>
    <message>
        <source>it holds walk_start %1</source>
        <translation>it holds walk_start %1</translation>
    </message>
    <message>
        <source>packet header page %1</source>
        <translation>packet header page %1</translation>
    </message>
    <message>
        <source>nft record page %1</source>
        <translation>nft record page %1</translation>
    </message>
    <message>
        <source>event page %1</source>
        <translation>event page %1</translation>
    </message>
    <message>
        <source>%1 is not a blob</source>
        <translation>%1 is not a blob</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 does not hold what its row says</source>
        <translation>%1 does not hold what its row says</translation>
    </message>
    <message>
        <source>it holds a header of %1 bytes</source>
        <translation>it holds a header of %1 bytes</translation>
    </message>
    <message>
        <source>it marks header bytes past the header&apos;s end</source>
        <translation>it marks header bytes past the header&apos;s end</translation>
    </message>
</context>
<context>
    <name>nt::Verdict</name>
    <message>
        <source>ACCEPT</source>
        <translation>ACCEPT</translation>
    </message>
    <message>
        <source>DROP</source>
        <translation>DROP</translation>
    </message>
    <message>
        <source>STOLEN</source>
        <translation>STOLEN</translation>
    </message>
    <message>
        <source>QUEUE</source>
        <translation>QUEUE</translation>
    </message>
    <message>
        <source>REPEAT</source>
        <translation>REPEAT</translation>
    </message>
    <message>
        <source>STOP</source>
        <translation>STOP</translation>
    </message>
    <message>
        <source>CONTINUE</source>
        <translation>CONTINUE</translation>
    </message>
    <message>
        <source>BREAK</source>
        <translation>BREAK</translation>
    </message>
    <message>
        <source>JUMP</source>
        <translation>JUMP</translation>
    </message>
    <message>
        <source>GOTO</source>
        <translation>GOTO</translation>
    </message>
    <message>
        <source>RETURN</source>
        <translation>RETURN</translation>
    </message>
</context>
<context>
    <name>nt::gui</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
</context>
</TS>
