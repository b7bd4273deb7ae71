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
        <source>cannot configure the BPF filter: %1</source>
        <translation>cannot configure the BPF filter: %1</translation>
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
</context>
<context>
    <name>nt::Cli</name>
    <message>
        <source>Usage: nft-tracer-cli COMMAND [OPTIONS]

Commands:
  record [--filter EXPR] [--netns NAME|PATH] [--duration S] [--max-packets N]
         [-o FILE] [--quiet]      record packet journeys (needs root)
  show FILE [--packet ID] [--stats] [--json]
                                  print the journeys and statistics of a trace
  export FILE --format json|pcapng -o OUT
                                  convert a trace for other tools

Run &apos;nft-tracer-cli COMMAND --help&apos; for the options of a command.
</source>
        <translation>Usage: nft-tracer-cli COMMAND [OPTIONS]

Commands:
  record [--filter EXPR] [--netns NAME|PATH] [--duration S] [--max-packets N]
         [-o FILE] [--quiet]      record packet journeys (needs root)
  show FILE [--packet ID] [--stats] [--json]
                                  print the journeys and statistics of a trace
  export FILE --format json|pcapng -o OUT
                                  convert a trace for other tools

Run &apos;nft-tracer-cli COMMAND --help&apos; for the options of a command.
</translation>
    </message>
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
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
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
        <source>A .nftrace file.</source>
        <translation>A .nftrace file.</translation>
    </message>
    <message>
        <source>show needs exactly one trace file; try &apos;show --help&apos;</source>
        <translation>show needs exactly one trace file; try &apos;show --help&apos;</translation>
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
        <source>json (journeys, statistics, ruleset) or pcapng (one packet per journey, the journey as its comment).</source>
        <translation>json (journeys, statistics, ruleset) or pcapng (one packet per journey, the journey as its comment).</translation>
    </message>
    <message>
        <source>Write to OUT.</source>
        <translation>Write to OUT.</translation>
    </message>
    <message>
        <source>export needs exactly one trace file; try &apos;export --help&apos;</source>
        <translation>export needs exactly one trace file; try &apos;export --help&apos;</translation>
    </message>
    <message>
        <source>--format must be json or pcapng, got &apos;%1&apos;</source>
        <translation>--format must be json or pcapng, got &apos;%1&apos;</translation>
    </message>
    <message>
        <source>export needs an output file: -o OUT</source>
        <translation>export needs an output file: -o OUT</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>cannot write %1</translation>
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
    <name>nt::KernelBtf</name>
    <message>
        <source>cannot read the kernel&apos;s BTF type information: this kernel was built without CONFIG_DEBUG_INFO_BTF, or /sys/kernel/btf/vmlinux is not readable. nft-tracer needs a kernel with BTF (Linux 5.8 or newer with BTF, as shipped by Debian, Ubuntu, Fedora).</source>
        <translation>cannot read the kernel&apos;s BTF type information: this kernel was built without CONFIG_DEBUG_INFO_BTF, or /sys/kernel/btf/vmlinux is not readable. nft-tracer needs a kernel with BTF (Linux 5.8 or newer with BTF, as shipped by Debian, Ubuntu, Fedora).</translation>
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
        <source>the file is truncated: %1 bytes of %2</source>
        <translation>the file is truncated: %1 bytes of %2</translation>
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
</context>
</TS>
