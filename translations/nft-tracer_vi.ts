<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Usage: %1</source>
        <translation>Cách dùng: %1</translation>
    </message>
    <message>
        <source>[options]</source>
        <translation>[tùy chọn]</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Tùy chọn:</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Đối số:</translation>
    </message>
    <message>
        <source>Displays help on commandline options.</source>
        <translation>Hiển thị trợ giúp về các tùy chọn dòng lệnh.</translation>
    </message>
    <message>
        <source>Displays help including Qt specific options.</source>
        <translation>Hiển thị trợ giúp, kể cả các tùy chọn riêng của Qt.</translation>
    </message>
    <message>
        <source>Displays version information.</source>
        <translation>Hiển thị thông tin phiên bản.</translation>
    </message>
    <message>
        <source>Unknown option &apos;%1&apos;.</source>
        <translation>Tùy chọn không hợp lệ &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Unknown options: %1.</source>
        <translation>Các tùy chọn không hợp lệ: %1.</translation>
    </message>
    <message>
        <source>Missing value after &apos;%1&apos;.</source>
        <translation>Thiếu giá trị sau &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Unexpected value after &apos;%1&apos;.</source>
        <translation>Không cần giá trị sau &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>nt::BpfTracer</name>
    <message>
        <source>recording needs root: BPF programs and the nftables trace table can only be installed by root. Run `sudo nft-tracer-cli record ...`.</source>
        <translation>ghi trace cần quyền root: chỉ root mới cài được chương trình BPF và bảng trace nftables. Hãy chạy `sudo nft-tracer-cli record ...`.</translation>
    </message>
    <message>
        <source>cannot open the BPF object: %1</source>
        <translation>không mở được BPF object: %1</translation>
    </message>
    <message>
        <source>the kernel refused the BPF programs (%1). Check that this kernel allows BPF tracing programs (CONFIG_BPF_SYSCALL, kernel.unprivileged_bpf_disabled does not matter for root) and that no security module (lockdown=confidentiality) blocks them.</source>
        <translation>kernel từ chối nạp các chương trình BPF (%1). Hãy kiểm tra kernel này cho phép chương trình BPF tracing (CONFIG_BPF_SYSCALL; kernel.unprivileged_bpf_disabled không ảnh hưởng tới root) và không có module bảo mật nào (lockdown=confidentiality) chặn chúng.</translation>
    </message>
    <message>
        <source>cannot configure the BPF filter: %1</source>
        <translation>không cấu hình được bộ lọc BPF: %1</translation>
    </message>
    <message>
        <source>no tracepoint could be attached: %1</source>
        <translation>không gắn được tracepoint nào: %1</translation>
    </message>
    <message>
        <source>cannot map the BPF ring buffer: %1</source>
        <translation>không ánh xạ được BPF ring buffer: %1</translation>
    </message>
    <message>
        <source>reading the BPF ring buffer failed: %1</source>
        <translation>đọc BPF ring buffer thất bại: %1</translation>
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
        <translation>Cách dùng: nft-tracer-cli LỆNH [TÙY CHỌN]

Các lệnh:
  record [--filter EXPR] [--netns NAME|PATH] [--duration S] [--max-packets N]
         [-o FILE] [--quiet]      ghi lại hành trình của gói tin (cần quyền root)
  show FILE [--packet ID] [--stats] [--json]
                                  in hành trình và thống kê của một tệp trace
  export FILE --format json|pcapng -o OUT
                                  chuyển đổi tệp trace cho các công cụ khác

Chạy &apos;nft-tracer-cli LỆNH --help&apos; để xem các tùy chọn của từng lệnh.
</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; try --help</source>
        <translation>lệnh không hợp lệ &apos;%1&apos;; hãy xem --help</translation>
    </message>
    <message>
        <source>Record packet journeys through the kernel and nftables.</source>
        <translation>Ghi lại hành trình của gói tin qua kernel và nftables.</translation>
    </message>
    <message>
        <source>Only packets matching EXPR (tcpdump-style, plus ifname and mark).</source>
        <translation>Chỉ các gói khớp với EXPR (cú pháp kiểu tcpdump, thêm ifname và mark).</translation>
    </message>
    <message>
        <source>Trace inside this network namespace (a name from &apos;ip netns&apos; or a path).</source>
        <translation>Trace bên trong network namespace này (một tên trong &apos;ip netns&apos; hoặc một đường dẫn).</translation>
    </message>
    <message>
        <source>Stop after S seconds.</source>
        <translation>Dừng sau S giây.</translation>
    </message>
    <message>
        <source>Stop after N packets.</source>
        <translation>Dừng sau N gói tin.</translation>
    </message>
    <message>
        <source>Save the trace to FILE (.nftrace); an existing file is never replaced.</source>
        <translation>Lưu trace vào FILE (.nftrace); không bao giờ ghi đè tệp đã có.</translation>
    </message>
    <message>
        <source>No live lines and no per-packet journeys; statistics only.</source>
        <translation>Không in dòng trực tiếp và hành trình từng gói; chỉ in thống kê.</translation>
    </message>
    <message>
        <source>Filter, as an alternative to --filter.</source>
        <translation>Bộ lọc, thay cho --filter.</translation>
    </message>
    <message>
        <source>give the filter either with --filter or after the options, not both</source>
        <translation>chỉ đưa bộ lọc bằng --filter hoặc sau các tùy chọn, không dùng cả hai</translation>
    </message>
    <message>
        <source>--duration needs a positive number of seconds, got &apos;%1&apos;</source>
        <translation>--duration cần số giây dương, nhận được &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--max-packets needs a positive whole number, got &apos;%1&apos;</source>
        <translation>--max-packets cần một số nguyên dương, nhận được &apos;%1&apos;</translation>
    </message>
    <message>
        <source>recording needs root: BPF programs and the nftables trace table can only be installed by root. Run it with sudo; &apos;show&apos; and &apos;export&apos; work without.</source>
        <translation>ghi trace cần quyền root: chỉ root mới cài được chương trình BPF và bảng trace nftables. Hãy chạy bằng sudo; &apos;show&apos; và &apos;export&apos; thì không cần.</translation>
    </message>
    <message>
        <source>Recording with %1 of %2 tracepoints%3%4. Press Ctrl-C to stop.</source>
        <translation>Đang ghi với %1/%2 tracepoint%3%4. Nhấn Ctrl-C để dừng.</translation>
    </message>
    <message>
        <source> and nftables trace table %1</source>
        <translation> và bảng trace nftables %1</translation>
    </message>
    <message>
        <source>, filter: %1</source>
        <translation>, bộ lọc: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>không ghi được %1: %2</translation>
    </message>
    <message>
        <source>Print the journeys and statistics of a trace file.</source>
        <translation>In hành trình và thống kê của một tệp trace.</translation>
    </message>
    <message>
        <source>Only the journey with this id.</source>
        <translation>Chỉ hành trình có id này.</translation>
    </message>
    <message>
        <source>Only the statistics.</source>
        <translation>Chỉ phần thống kê.</translation>
    </message>
    <message>
        <source>JSON instead of text.</source>
        <translation>Xuất JSON thay cho văn bản.</translation>
    </message>
    <message>
        <source>A .nftrace file.</source>
        <translation>Một tệp .nftrace.</translation>
    </message>
    <message>
        <source>show needs exactly one trace file; try &apos;show --help&apos;</source>
        <translation>show cần đúng một tệp trace; hãy xem &apos;show --help&apos;</translation>
    </message>
    <message>
        <source>no journey %1 in this trace: it has journeys 0 to %2</source>
        <translation>trace này không có hành trình %1: nó có các hành trình từ 0 đến %2</translation>
    </message>
    <message>
        <source>note: this trace was not finished (the recorder stopped abruptly); it holds what was saved until then.</source>
        <translation>lưu ý: trace này chưa được kết thúc (trình ghi đã dừng đột ngột); nó chứa những gì đã được lưu tới thời điểm đó.</translation>
    </message>
    <message>
        <source>Convert a trace file for other tools.</source>
        <translation>Chuyển đổi tệp trace cho các công cụ khác.</translation>
    </message>
    <message>
        <source>json (journeys, statistics, ruleset) or pcapng (one packet per journey, the journey as its comment).</source>
        <translation>json (hành trình, thống kê, ruleset) hoặc pcapng (mỗi hành trình một gói, hành trình nằm trong comment của gói).</translation>
    </message>
    <message>
        <source>Write to OUT.</source>
        <translation>Ghi ra OUT.</translation>
    </message>
    <message>
        <source>export needs exactly one trace file; try &apos;export --help&apos;</source>
        <translation>export cần đúng một tệp trace; hãy xem &apos;export --help&apos;</translation>
    </message>
    <message>
        <source>--format must be json or pcapng, got &apos;%1&apos;</source>
        <translation>--format phải là json hoặc pcapng, nhận được &apos;%1&apos;</translation>
    </message>
    <message>
        <source>export needs an output file: -o OUT</source>
        <translation>export cần một tệp đầu ra: -o OUT</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>không ghi được %1</translation>
    </message>
</context>
<context>
    <name>nt::Fate</name>
    <message>
        <source>IN FLIGHT</source>
        <translation>CHƯA KẾT THÚC</translation>
    </message>
    <message>
        <source>DELIVERED</source>
        <translation>ĐÃ GIAO</translation>
    </message>
    <message>
        <source>FORWARDED</source>
        <translation>ĐÃ CHUYỂN TIẾP</translation>
    </message>
    <message>
        <source>TRANSMITTED</source>
        <translation>ĐÃ GỬI ĐI</translation>
    </message>
    <message>
        <source>CONSUMED</source>
        <translation>ĐÃ TIÊU THỤ</translation>
    </message>
    <message>
        <source>DROPPED BY RULE</source>
        <translation>BỊ LUẬT HỦY</translation>
    </message>
    <message>
        <source>DROPPED</source>
        <translation>BỊ HỦY</translation>
    </message>
</context>
<context>
    <name>nt::Filter</name>
    <message>
        <source>column %1: %2</source>
        <translation>cột %1: %2</translation>
    </message>
    <message>
        <source>expected &apos;%1&apos; (or &apos;%2&apos;), found %3</source>
        <translation>cần &apos;%1&apos; (hoặc &apos;%2&apos;), nhưng gặp %3</translation>
    </message>
    <message>
        <source>the quoted name starting here has no closing &apos;&quot;&apos;</source>
        <translation>tên trong ngoặc kép bắt đầu tại đây thiếu dấu &apos;&quot;&apos; đóng</translation>
    </message>
    <message>
        <source>found &apos;)&apos; without a matching &apos;(&apos;</source>
        <translation>gặp &apos;)&apos; không có &apos;(&apos; tương ứng</translation>
    </message>
    <message>
        <source>expected &apos;and&apos;, &apos;or&apos; or the end of the filter after %1, found %2</source>
        <translation>sau %1 cần &apos;and&apos;, &apos;or&apos; hoặc kết thúc bộ lọc, nhưng gặp %2</translation>
    </message>
    <message>
        <source>the end of the filter</source>
        <translation>kết thúc bộ lọc</translation>
    </message>
    <message>
        <source>expected %1 after %2, found %3</source>
        <translation>sau %2 cần %1, nhưng gặp %3</translation>
    </message>
    <message>
        <source>parentheses and &apos;not&apos; are nested more than %1 deep</source>
        <translation>dấu ngoặc và &apos;not&apos; lồng nhau sâu quá %1 cấp</translation>
    </message>
    <message>
        <source>expected &apos;)&apos; to close the &apos;(&apos; at column %1, found %2</source>
        <translation>cần &apos;)&apos; để đóng &apos;(&apos; ở cột %1, nhưng gặp %2</translation>
    </message>
    <message>
        <source>expected a filter primitive (host, net, port, portrange, tcp, udp, icmp, ip, ip6, ifname, mark …), found %1</source>
        <translation>cần một primitive của bộ lọc (host, net, port, portrange, tcp, udp, icmp, ip, ip6, ifname, mark …), nhưng gặp %1</translation>
    </message>
    <message>
        <source>a filter primitive</source>
        <translation>một primitive của bộ lọc</translation>
    </message>
    <message>
        <source>an interface name</source>
        <translation>một tên interface</translation>
    </message>
    <message>
        <source>interface name %1 must be 1 to 15 characters long</source>
        <translation>tên interface %1 phải dài từ 1 đến 15 ký tự</translation>
    </message>
    <message>
        <source>interface name %1 contains %2; only letters, digits and _ . - @ + are supported</source>
        <translation>tên interface %1 chứa %2; chỉ hỗ trợ chữ cái, chữ số và _ . - @ +</translation>
    </message>
    <message>
        <source>an interface index (1 to 4294967295)</source>
        <translation>một chỉ số interface (1 đến 4294967295)</translation>
    </message>
    <message>
        <source>&apos;host&apos;, &apos;net&apos;, &apos;port&apos; or &apos;portrange&apos;</source>
        <translation>&apos;host&apos;, &apos;net&apos;, &apos;port&apos; hoặc &apos;portrange&apos;</translation>
    </message>
    <message>
        <source>unknown word %1: expected a primitive such as host, net, port, portrange, tcp, udp, sctp, icmp, icmp6, ip, ip6, ifname, ifindex or mark</source>
        <translation>từ không hợp lệ %1: cần một primitive như host, net, port, portrange, tcp, udp, sctp, icmp, icmp6, ip, ip6, ifname, ifindex hoặc mark</translation>
    </message>
    <message>
        <source>&apos;host&apos; takes a single address; write &apos;net %1&apos; for a prefix</source>
        <translation>&apos;host&apos; chỉ nhận một địa chỉ; hãy viết &apos;net %1&apos; cho một prefix</translation>
    </message>
    <message>
        <source>expected a prefix length from 0 to %1 after &apos;/&apos;, found %2</source>
        <translation>sau &apos;/&apos; cần độ dài prefix từ 0 đến %1, nhưng gặp %2</translation>
    </message>
    <message>
        <source>%1 has bits set past the /%2 prefix; did you mean %3/%2?</source>
        <translation>%1 có bit được bật ngoài prefix /%2; có phải ý bạn là %3/%2?</translation>
    </message>
    <message>
        <source>a port number</source>
        <translation>một số port</translation>
    </message>
    <message>
        <source>port %1 is out of range: ports go from 0 to 65535</source>
        <translation>port %1 nằm ngoài phạm vi: port chỉ từ 0 đến 65535</translation>
    </message>
    <message>
        <source>a port range like 8000-8080</source>
        <translation>một dải port như 8000-8080</translation>
    </message>
    <message>
        <source>port range %1 is out of range: ports go from 0 to 65535</source>
        <translation>dải port %1 nằm ngoài phạm vi: port chỉ từ 0 đến 65535</translation>
    </message>
    <message>
        <source>port range %1 starts above its end; write %2-%3</source>
        <translation>dải port %1 có đầu lớn hơn cuối; hãy viết %2-%3</translation>
    </message>
    <message>
        <source>an IPv4 or IPv6 address (host names are not resolved)</source>
        <translation>một địa chỉ IPv4 hoặc IPv6 (không phân giải tên máy)</translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <translation>cần %1, nhưng gặp %2</translation>
    </message>
    <message>
        <source>a 32-bit mark like 0x10 or 0x10/0xff</source>
        <translation>một mark 32 bit như 0x10 hoặc 0x10/0xff</translation>
    </message>
    <message>
        <source>mark value %1 has bits outside its mask; it can never match</source>
        <translation>giá trị mark %1 có bit nằm ngoài mask; nó không bao giờ khớp</translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation>hơn %1</translation>
    </message>
    <message>
        <source>the filter expands to %1 alternatives; at most %2 are supported — simplify it</source>
        <translation>bộ lọc khai triển thành %1 nhánh; chỉ hỗ trợ tối đa %2 — hãy đơn giản hóa nó</translation>
    </message>
    <message>
        <source>the nftables form of the filter needs more than %1 rules — simplify it (negated tests of addresses, ports and interfaces need two each)</source>
        <translation>dạng nftables của bộ lọc cần hơn %1 rule — hãy đơn giản hóa nó (mỗi phép kiểm tra phủ định địa chỉ, port và interface cần hai rule)</translation>
    </message>
    <message>
        <source>the filter is longer than %1 characters</source>
        <translation>bộ lọc dài hơn %1 ký tự</translation>
    </message>
    <message>
        <source>one alternative of the filter needs %1 tests; at most %2 are supported — simplify it</source>
        <translation>một nhánh của bộ lọc cần %1 phép kiểm tra; chỉ hỗ trợ tối đa %2 — hãy đơn giản hóa nó</translation>
    </message>
    <message>
        <source>there is no network interface called %1; check the name with &apos;ip link&apos;</source>
        <translation>không có network interface nào tên %1; hãy kiểm tra tên bằng &apos;ip link&apos;</translation>
    </message>
</context>
<context>
    <name>nt::KernelBtf</name>
    <message>
        <source>cannot read the kernel&apos;s BTF type information: this kernel was built without CONFIG_DEBUG_INFO_BTF, or /sys/kernel/btf/vmlinux is not readable. nft-tracer needs a kernel with BTF (Linux 5.8 or newer with BTF, as shipped by Debian, Ubuntu, Fedora).</source>
        <translation>không đọc được thông tin kiểu BTF của kernel: kernel này được build không có CONFIG_DEBUG_INFO_BTF, hoặc không đọc được /sys/kernel/btf/vmlinux. nft-tracer cần kernel có BTF (Linux 5.8 trở lên có BTF, như kernel của Debian, Ubuntu, Fedora).</translation>
    </message>
</context>
<context>
    <name>nt::Layer</name>
    <message>
        <source>Device</source>
        <translation>Thiết bị</translation>
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
        <translation>Định tuyến</translation>
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
        <translation>Gửi đi</translation>
    </message>
    <message>
        <source>SoftIRQ</source>
        <translation>SoftIRQ</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Hủy gói</translation>
    </message>
</context>
<context>
    <name>nt::Netns</name>
    <message>
        <source>network namespace &apos;%1&apos; not found (looked in %2): create it with `ip netns add %1` or pass a path</source>
        <translation>không tìm thấy network namespace &apos;%1&apos; (đã tìm trong %2): hãy tạo bằng `ip netns add %1` hoặc truyền một đường dẫn</translation>
    </message>
    <message>
        <source>cannot open network namespace %1: %2; run as root</source>
        <translation>không mở được network namespace %1: %2; hãy chạy với quyền root</translation>
    </message>
    <message>
        <source>cannot open network namespace %1: %2</source>
        <translation>không mở được network namespace %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a namespace file: pass a name from `ip netns list` or a path like /proc/PID/ns/net</source>
        <translation>%1 không phải tệp namespace: hãy truyền một tên trong `ip netns list` hoặc đường dẫn như /proc/PID/ns/net</translation>
    </message>
    <message>
        <source>%1 is a namespace, but not a network namespace: pass /proc/PID/ns/net</source>
        <translation>%1 là một namespace nhưng không phải network namespace: hãy truyền /proc/PID/ns/net</translation>
    </message>
    <message>
        <source>cannot stat network namespace %1: %2</source>
        <translation>không stat được network namespace %1: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid network namespace name: use a name from `ip netns list`, or pass a path</source>
        <translation>&apos;%1&apos; không phải tên network namespace hợp lệ: hãy dùng một tên trong `ip netns list`, hoặc truyền một đường dẫn</translation>
    </message>
    <message>
        <source>empty network namespace path: pass a path like /proc/PID/ns/net</source>
        <translation>đường dẫn network namespace trống: hãy truyền đường dẫn như /proc/PID/ns/net</translation>
    </message>
    <message>
        <source>cannot read the current network namespace: %1; is /proc mounted?</source>
        <translation>không đọc được network namespace hiện tại: %1; /proc đã được mount chưa?</translation>
    </message>
    <message>
        <source>cannot enter network namespace %1: permission denied; entering a namespace needs root (CAP_SYS_ADMIN)</source>
        <translation>không vào được network namespace %1: không đủ quyền; vào một namespace cần quyền root (CAP_SYS_ADMIN)</translation>
    </message>
    <message>
        <source>cannot enter network namespace %1: %2</source>
        <translation>không vào được network namespace %1: %2</translation>
    </message>
</context>
<context>
    <name>nt::Nft</name>
    <message>
        <source>cannot open a netfilter netlink socket: %1; load the nfnetlink and nf_tables kernel modules (modprobe nf_tables)</source>
        <translation>không mở được netlink socket của netfilter: %1; hãy nạp các kernel module nfnetlink và nf_tables (modprobe nf_tables)</translation>
    </message>
    <message>
        <source>cannot create a libnftables context: out of memory</source>
        <translation>không tạo được context libnftables: hết bộ nhớ</translation>
    </message>
    <message>
        <source>cannot buffer libnftables output: out of memory</source>
        <translation>không đệm được đầu ra của libnftables: hết bộ nhớ</translation>
    </message>
</context>
<context>
    <name>nt::NftTraceReader</name>
    <message>
        <source>cannot open a netfilter netlink socket: %1; load the nfnetlink and nf_tables kernel modules (modprobe nf_tables)</source>
        <translation>không mở được netlink socket của netfilter: %1; hãy nạp các kernel module nfnetlink và nf_tables (modprobe nf_tables)</translation>
    </message>
    <message>
        <source>cannot bind the nftables trace socket: %1</source>
        <translation>không bind được socket trace nftables: %1</translation>
    </message>
    <message>
        <source>cannot subscribe to nftables traces: permission denied; run as root (CAP_NET_ADMIN)</source>
        <translation>không đăng ký nhận trace nftables được: không đủ quyền; hãy chạy với quyền root (CAP_NET_ADMIN)</translation>
    </message>
    <message>
        <source>cannot subscribe to nftables traces (NFNLGRP_NFTRACE): %1</source>
        <translation>không đăng ký nhận trace nftables (NFNLGRP_NFTRACE) được: %1</translation>
    </message>
    <message>
        <source>cannot read nftables trace messages: %1</source>
        <translation>không đọc được thông điệp trace nftables: %1</translation>
    </message>
</context>
<context>
    <name>nt::NftTraceTable</name>
    <message>
        <source>invalid nftables table name &apos;%1&apos;: use letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>tên bảng nftables không hợp lệ &apos;%1&apos;: chỉ dùng chữ cái, chữ số, &apos;_&apos; và &apos;-&apos;</translation>
    </message>
    <message>
        <source>the trace table needs between 1 and %1 filter expressions, got %2</source>
        <translation>bảng trace cần từ 1 đến %1 biểu thức lọc, nhận được %2</translation>
    </message>
    <message>
        <source>filter expression rejected for the nftables trace rule: &apos;%1&apos; (it may not contain &apos;;&apos;, &apos;#&apos;, line breaks or unbalanced braces, and is limited to %2 characters)</source>
        <translation>biểu thức lọc bị từ chối cho rule trace nftables: &apos;%1&apos; (không được chứa &apos;;&apos;, &apos;#&apos;, xuống dòng hoặc ngoặc nhọn không cân, và dài tối đa %2 ký tự)</translation>
    </message>
    <message>
        <source>cannot create the nftables trace table %1: permission denied; run as root (CAP_NET_ADMIN)</source>
        <translation>không tạo được bảng trace nftables %1: không đủ quyền; hãy chạy với quyền root (CAP_NET_ADMIN)</translation>
    </message>
    <message>
        <source>cannot create the nftables trace table %1: a table with that name already exists; another recording may be running</source>
        <translation>không tạo được bảng trace nftables %1: đã có một bảng trùng tên; có thể một phiên ghi khác đang chạy</translation>
    </message>
    <message>
        <source>cannot create the nftables trace table %1: %2</source>
        <translation>không tạo được bảng trace nftables %1: %2</translation>
    </message>
</context>
<context>
    <name>nt::Pcapng</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>không ghi được %1: %2</translation>
    </message>
</context>
<context>
    <name>nt::Recorder</name>
    <message>
        <source>recording needs root: BPF programs and the nftables trace table can only be installed by root. Run it with sudo.</source>
        <translation>ghi trace cần quyền root: chỉ root mới cài được chương trình BPF và bảng trace nftables. Hãy chạy bằng sudo.</translation>
    </message>
</context>
<context>
    <name>nt::Report</name>
    <message>
        <source>%1 at %2</source>
        <extracomment>%1 is a kernel drop reason (NO_SOCKET), %2 the kernel function where it happened.</extracomment>
        <translation>%1 tại %2</translation>
    </message>
    <message>
        <source>at %1</source>
        <extracomment>%1 is the kernel function that freed the packet (icmp_rcv+0x259).</extracomment>
        <translation>tại %1</translation>
    </message>
    <message>
        <source>DROPPED by policy of chain %1 (%2)</source>
        <translation>BỊ HỦY bởi policy của chuỗi %1 (%2)</translation>
    </message>
    <message>
        <source>DROPPED by rule handle %1 in chain %2 (%3)</source>
        <translation>BỊ HỦY bởi luật handle %1 trong chuỗi %2 (%3)</translation>
    </message>
    <message>
        <source>DROPPED: %1</source>
        <translation>BỊ HỦY: %1</translation>
    </message>
    <message>
        <source>DELIVERED to the local stack in netns %1</source>
        <translation>ĐÃ GIAO cho ngăn xếp mạng cục bộ trong netns %1</translation>
    </message>
    <message>
        <source>FORWARDED from if %1 to if %2</source>
        <translation>ĐÃ CHUYỂN TIẾP từ if %1 sang if %2</translation>
    </message>
    <message>
        <source>TRANSMITTED on if %1 in netns %2</source>
        <translation>ĐÃ GỬI ĐI qua if %1 trong netns %2</translation>
    </message>
    <message>
        <source>CONSUMED at %1</source>
        <translation>ĐÃ TIÊU THỤ tại %1</translation>
    </message>
    <message>
        <source>IN FLIGHT (no event for too long)</source>
        <translation>CHƯA KẾT THÚC (quá lâu không có sự kiện)</translation>
    </message>
    <message>
        <source>IN FLIGHT (not finished when the trace ended)</source>
        <translation>CHƯA KẾT THÚC (chưa xong khi trace kết thúc)</translation>
    </message>
    <message>
        <source>journey %1: %2, %3 events, %4µs: %5</source>
        <translation>hành trình %1: %2, %3 sự kiện, %4µs: %5</translation>
    </message>
    <message>
        <source>PACKET TRACE: %1</source>
        <translation>TRACE GÓI TIN: %1</translation>
    </message>
    <message>
        <source>%1 | Events: %2, Probes: %3, NFT Chains: %4, Rules: %5 | Verdict: %6 | Fate: %7</source>
        <translation>%1 | Sự kiện: %2, Probe: %3, Chuỗi NFT: %4, Luật: %5 | Phán quyết: %6 | Kết cục: %7</translation>
    </message>
    <message>
        <source>Cloned from journey %1</source>
        <translation>Nhân bản từ hành trình %1</translation>
    </message>
    <message>
        <source>%1 Layer:</source>
        <extracomment>%1 is a layer name (nt::Layer).</extracomment>
        <translation>Tầng %1:</translation>
    </message>
    <message>
        <source>NFT Rules Evaluated:</source>
        <translation>Các luật NFT đã xét:</translation>
    </message>
    <message>
        <source>Fate: %1</source>
        <translation>Kết cục: %1</translation>
    </message>
    <message>
        <source>Time per Layer:</source>
        <translation>Thời gian theo tầng:</translation>
    </message>
    <message>
        <source>Total</source>
        <extracomment>The journey&apos;s whole duration, below the time spent in each layer.</extracomment>
        <translation>Tổng</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>TRACE STATISTICS</source>
        <translation>THỐNG KÊ TRACE</translation>
    </message>
    <message>
        <source>Total events:</source>
        <translation>Tổng số sự kiện:</translation>
    </message>
    <message>
        <source>Packets traced:</source>
        <translation>Số gói đã trace:</translation>
    </message>
    <message>
        <source>Probes hit:</source>
        <translation>Probe có sự kiện:</translation>
    </message>
    <message>
        <source>NFT chains:</source>
        <translation>Chuỗi NFT:</translation>
    </message>
    <message>
        <source>NFT rules:</source>
        <translation>Luật NFT:</translation>
    </message>
    <message>
        <source>Events by Layer:</source>
        <translation>Sự kiện theo tầng:</translation>
    </message>
    <message>
        <source>Packets by Verdict:</source>
        <translation>Gói tin theo phán quyết:</translation>
    </message>
    <message>
        <source>Packets by Fate:</source>
        <translation>Gói tin theo kết cục:</translation>
    </message>
    <message>
        <source>Top Drop Reasons:</source>
        <translation>Các lý do hủy gói nhiều nhất:</translation>
    </message>
    <message>
        <source>Loss:</source>
        <translation>Mất mát:</translation>
    </message>
    <message>
        <source>Events lost (ring buffer full)</source>
        <translation>Sự kiện bị mất (ring buffer đầy)</translation>
    </message>
    <message>
        <source>Packets not followed (tracked-skb map full)</source>
        <translation>Gói bị bỏ sót (map tracked-skb đầy)</translation>
    </message>
    <message>
        <source>NFT trace messages lost</source>
        <translation>Thông điệp trace NFT bị mất</translation>
    </message>
    <message>
        <source>NFT records not joined to a packet</source>
        <translation>Bản ghi NFT không ghép được với gói nào</translation>
    </message>
    <message>
        <source>Packet headers without events</source>
        <translation>Header gói tin không có sự kiện</translation>
    </message>
    <message>
        <source>Events filtered in kernel</source>
        <translation>Sự kiện bị lọc trong kernel</translation>
    </message>
</context>
<context>
    <name>nt::Ruleset</name>
    <message>
        <source>libnftables returned a ruleset that is not nftables JSON (%1)</source>
        <translation>libnftables trả về một ruleset không phải JSON của nftables (%1)</translation>
    </message>
    <message>
        <source>no &quot;nftables&quot; array</source>
        <translation>không có mảng &quot;nftables&quot;</translation>
    </message>
    <message>
        <source>cannot read the nftables ruleset: permission denied; run as root (CAP_NET_ADMIN)</source>
        <translation>không đọc được ruleset nftables: không đủ quyền; hãy chạy với quyền root (CAP_NET_ADMIN)</translation>
    </message>
    <message>
        <source>cannot read the nftables ruleset: %1</source>
        <translation>không đọc được ruleset nftables: %1</translation>
    </message>
</context>
<context>
    <name>nt::TraceFile</name>
    <message>
        <source>Reading the trace file was cancelled.</source>
        <translation>Đã hủy việc đọc tệp trace.</translation>
    </message>
    <message>
        <source>Cannot write the trace file %1: %2 (%3). Check that the disk has free space and the file is still there.</source>
        <translation>Không ghi được tệp trace %1: %2 (%3). Hãy kiểm tra ổ đĩa còn chỗ trống và tệp vẫn còn đó.</translation>
    </message>
    <message>
        <source>a database statement failed</source>
        <translation>một câu lệnh cơ sở dữ liệu thất bại</translation>
    </message>
    <message>
        <source>cannot prepare a statement</source>
        <translation>không chuẩn bị được câu lệnh</translation>
    </message>
    <message>
        <source>cannot store a row</source>
        <translation>không lưu được một hàng</translation>
    </message>
    <message>
        <source>Cannot replace the file %1: %2. Choose another name or remove the file first.</source>
        <translation>Không thay thế được tệp %1: %2. Hãy chọn tên khác hoặc xóa tệp đó trước.</translation>
    </message>
    <message>
        <source>The trace file %1 already exists. Choose another name or allow overwriting it.</source>
        <translation>Tệp trace %1 đã tồn tại. Hãy chọn tên khác hoặc cho phép ghi đè.</translation>
    </message>
    <message>
        <source>Cannot create the trace file %1: %2. Choose a folder you can write to.</source>
        <translation>Không tạo được tệp trace %1: %2. Hãy chọn một thư mục bạn có quyền ghi.</translation>
    </message>
    <message>
        <source>cannot open the new file</source>
        <translation>không mở được tệp mới</translation>
    </message>
    <message>
        <source>cannot leave write-ahead-log mode</source>
        <translation>không thoát được chế độ write-ahead log</translation>
    </message>
    <message>
        <source>cannot close the file</source>
        <translation>không đóng được tệp</translation>
    </message>
    <message>
        <source>not an integer</source>
        <translation>không phải số nguyên</translation>
    </message>
    <message>
        <source>value %1 out of range</source>
        <translation>giá trị %1 nằm ngoài phạm vi</translation>
    </message>
    <message>
        <source>not text</source>
        <translation>không phải văn bản</translation>
    </message>
    <message>
        <source>not a blob</source>
        <translation>không phải blob</translation>
    </message>
    <message>
        <source>%1 bytes, more than the %2 a recorder writes</source>
        <translation>%1 byte, nhiều hơn mức %2 mà trình ghi tạo ra</translation>
    </message>
    <message>
        <source>column %1 of table %2: %3</source>
        <translation>cột %1 của bảng %2: %3</translation>
    </message>
    <message>
        <source>The trace file %1 is damaged and cannot be read (%2). If it was copied from another machine, copy it again.</source>
        <translation>Tệp trace %1 bị hỏng và không đọc được (%2). Nếu tệp được chép từ máy khác, hãy chép lại.</translation>
    </message>
    <message>
        <source>%1 is not an nft-tracer trace file (%2). Open a .nftrace file recorded by nft-tracer.</source>
        <translation>%1 không phải tệp trace của nft-tracer (%2). Hãy mở một tệp .nftrace do nft-tracer ghi.</translation>
    </message>
    <message>
        <source>The trace file %1 is too large to read on this machine (%2).</source>
        <translation>Tệp trace %1 quá lớn để đọc trên máy này (%2).</translation>
    </message>
    <message>
        <source>Cannot read the trace file %1: %2.</source>
        <translation>Không đọc được tệp trace %1: %2.</translation>
    </message>
    <message>
        <source>table %1 is missing or lacks a column: %2</source>
        <translation>bảng %1 không có hoặc thiếu một cột: %2</translation>
    </message>
    <message>
        <source>PRAGMA %1 gave no number</source>
        <translation>PRAGMA %1 không trả về số</translation>
    </message>
    <message>
        <source>The trace file %1 does not exist. Check the name and the folder.</source>
        <translation>Tệp trace %1 không tồn tại. Hãy kiểm tra tên và thư mục.</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>không phải tệp thông thường</translation>
    </message>
    <message>
        <source>not an SQLite database</source>
        <translation>không phải cơ sở dữ liệu SQLite</translation>
    </message>
    <message>
        <source>invalid page size %1</source>
        <translation>kích thước trang không hợp lệ %1</translation>
    </message>
    <message>
        <source>the file is truncated: %1 bytes of %2</source>
        <translation>tệp bị cắt cụt: %1 byte trên %2</translation>
    </message>
    <message>
        <source>Cannot recover the trace file %1: no temporary folder (%2).</source>
        <translation>Không khôi phục được tệp trace %1: không có thư mục tạm (%2).</translation>
    </message>
    <message>
        <source>Cannot recover the trace file %1: copying it failed (%2). Free some space in the temporary folder.</source>
        <translation>Không khôi phục được tệp trace %1: sao chép thất bại (%2). Hãy giải phóng bớt dung lượng trong thư mục tạm.</translation>
    </message>
    <message>
        <source>the recording was cut short and its companion file %1-wal is missing; copy it next to the trace</source>
        <translation>phiên ghi bị ngắt giữa chừng và thiếu tệp đi kèm %1-wal; hãy chép tệp đó vào cạnh tệp trace</translation>
    </message>
    <message>
        <source>an SQLite database of another application</source>
        <translation>một cơ sở dữ liệu SQLite của ứng dụng khác</translation>
    </message>
    <message>
        <source>%1 was written by a newer nft-tracer (schema %2); this version reads up to %3 — update nft-tracer.</source>
        <translation>%1 được ghi bởi nft-tracer mới hơn (schema %2); phiên bản này chỉ đọc tới %3 — hãy cập nhật nft-tracer.</translation>
    </message>
    <message>
        <source>unknown schema version %1</source>
        <translation>phiên bản schema không xác định %1</translation>
    </message>
    <message>
        <source>nft trace type %1 is unknown</source>
        <translation>kiểu trace nft %1 không xác định</translation>
    </message>
    <message>
        <source>the integrity check failed</source>
        <translation>kiểm tra toàn vẹn thất bại</translation>
    </message>
    <message>
        <source>probe attached flag %1 is not 0 or 1</source>
        <translation>cờ attached của probe %1 không phải 0 hoặc 1</translation>
    </message>
    <message>
        <source>drop reason %1 is out of range</source>
        <translation>lý do hủy %1 nằm ngoài phạm vi</translation>
    </message>
</context>
</TS>
