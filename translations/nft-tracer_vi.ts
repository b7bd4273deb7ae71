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
    <name>nt::Backend</name>
    <message>
        <source>the %1 backend is not available: %2</source>
        <translation>backend %1 không khả dụng: %2</translation>
    </message>
    <message>
        <source>the kernel does not know kprobe.multi programs (Linux 5.18 or newer): %1</source>
        <translation>kernel không biết chương trình kprobe.multi (cần Linux 5.18 trở lên): %1</translation>
    </message>
    <message>
        <source>this kernel was built without CONFIG_FPROBE, which kprobe.multi needs</source>
        <translation>kernel này được build không có CONFIG_FPROBE, mà kprobe.multi cần</translation>
    </message>
    <message>
        <source>attaching a kprobe.multi program to %1 failed: %2</source>
        <translation>gắn chương trình kprobe.multi vào %1 thất bại: %2</translation>
    </message>
    <message>
        <source>kprobes are not enabled in this kernel (CONFIG_KPROBES, CONFIG_KPROBE_EVENTS): /sys/bus/event_source/devices/kprobe is missing</source>
        <translation>kernel này không bật kprobe (CONFIG_KPROBES, CONFIG_KPROBE_EVENTS): không có /sys/bus/event_source/devices/kprobe</translation>
    </message>
    <message>
        <source>the kernel refused a kprobe BPF program: %1</source>
        <translation>kernel từ chối một chương trình BPF kprobe: %1</translation>
    </message>
    <message>
        <source>creating a kprobe on %1 failed: %2</source>
        <translation>tạo kprobe trên %1 thất bại: %2</translation>
    </message>
    <message>
        <source>attaching a BPF program to a kprobe failed: %1</source>
        <translation>gắn chương trình BPF vào kprobe thất bại: %1</translation>
    </message>
    <message>
        <source>the kernel&apos;s BTF does not describe %1, which fentry needs</source>
        <translation>BTF của kernel không mô tả %1, mà fentry cần</translation>
    </message>
    <message>
        <source>the kernel refused fentry programs (EPERM): a security policy (lockdown) or a kernel without BPF trampolines (CONFIG_DYNAMIC_FTRACE_WITH_DIRECT_CALLS)</source>
        <translation>kernel từ chối chương trình fentry (EPERM): do chính sách bảo mật (lockdown) hoặc kernel không có BPF trampoline (CONFIG_DYNAMIC_FTRACE_WITH_DIRECT_CALLS)</translation>
    </message>
    <message>
        <source>the kernel refused an fentry program: %1</source>
        <translation>kernel từ chối một chương trình fentry: %1</translation>
    </message>
    <message>
        <source>attaching an fentry program to %1 failed: %2</source>
        <translation>gắn chương trình fentry vào %1 thất bại: %2</translation>
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
    <message>
        <source>cannot prepare fentry for %1: %2</source>
        <translation>không chuẩn bị được fentry cho %1: %2</translation>
    </message>
</context>
<context>
    <name>nt::Cli</name>
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
        <source>Write to OUT.</source>
        <translation>Ghi ra OUT.</translation>
    </message>
    <message>
        <source>export needs an output file: -o OUT</source>
        <translation>export cần một tệp đầu ra: -o OUT</translation>
    </message>
    <message>
        <source>%1 needs a priority from 0 (critical) to 3 (verbose), got &apos;%2&apos;</source>
        <translation>%1 cần một mức ưu tiên từ 0 (quan trọng nhất) đến 3 (chi tiết), nhận được &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1 needs a positive whole number, got &apos;%2&apos;</source>
        <translation>%1 cần một số nguyên dương, nhận được &apos;%2&apos;</translation>
    </message>
    <message>
        <source>List the kernel functions that take a struct sk_buff * and can be traced, classified by layer and priority (0 critical ... 3 verbose). Needs no root.</source>
        <translation>Liệt kê các hàm kernel nhận struct sk_buff * và có thể trace được, phân loại theo layer và mức ưu tiên (0 quan trọng nhất ... 3 chi tiết). Không cần root.</translation>
    </message>
    <message>
        <source>Only these layers (comma-separated: Device, GRO, Bridge, Netfilter, IPv4, IPv6, Routing, TCP, UDP, Socket, Xmit, SoftIRQ, Drop).</source>
        <translation>Chỉ các layer này (phân cách bằng dấu phẩy: Device, GRO, Bridge, Netfilter, IPv4, IPv6, Routing, TCP, UDP, Socket, Xmit, SoftIRQ, Drop).</translation>
    </message>
    <message>
        <source>Only priorities 0 to N.</source>
        <translation>Chỉ các mức ưu tiên từ 0 đến N.</translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation>In JSON thay cho bảng.</translation>
    </message>
    <message>
        <source>Write a trace_config.json with the chosen functions, for &apos;record --config&apos;.</source>
        <translation>Ghi một tệp trace_config.json với các hàm đã chọn, dùng cho &apos;record --config&apos;.</translation>
    </message>
    <message>
        <source>With --config: at most N functions, most important first (default 100).</source>
        <translation>Với --config: tối đa N hàm, quan trọng nhất trước (mặc định 100).</translation>
    </message>
    <message>
        <source>Scan the kernel&apos;s BTF again instead of using the cache.</source>
        <translation>Quét lại BTF của kernel thay vì dùng bộ nhớ đệm.</translation>
    </message>
    <message>
        <source>discover takes no arguments, got &apos;%1&apos;</source>
        <translation>discover không nhận đối số, nhận được &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--max-trace only applies with --config OUT</source>
        <translation>--max-trace chỉ dùng được cùng --config OUT</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>không ghi được %1: %2</translation>
    </message>
    <message>
        <source>Wrote %1 functions to %2</source>
        <translation>Đã ghi %1 hàm vào %2</translation>
    </message>
    <message>
        <source>%1 of %2 traceable kernel functions with a struct sk_buff * argument (%3 in BTF; traceable according to %4)
</source>
        <translation>%1/%2 hàm kernel trace được có đối số struct sk_buff * (%3 trong BTF; trace được theo %4)
</translation>
    </message>
    <message>
        <source>By layer: %1
</source>
        <translation>Theo layer: %1
</translation>
    </message>
    <message>
        <source>Trace the enabled kernel functions of FILE (trace_config.json, see &apos;discover --config&apos;).</source>
        <translation>Trace các hàm kernel được bật trong FILE (trace_config.json, xem &apos;discover --config&apos;).</translation>
    </message>
    <message>
        <source>Trace these kernel functions (comma-separated).</source>
        <translation>Trace các hàm kernel này (phân cách bằng dấu phẩy).</translation>
    </message>
    <message>
        <source>Trace the kernel functions of these layers.</source>
        <translation>Trace các hàm kernel thuộc các layer này.</translation>
    </message>
    <message>
        <source>Trace the kernel functions of priority 0 (critical) to N (3: verbose).</source>
        <translation>Trace các hàm kernel có mức ưu tiên từ 0 (quan trọng nhất) đến N (3: chi tiết).</translation>
    </message>
    <message>
        <source>Trace at most N kernel functions, most important first.</source>
        <translation>Trace tối đa N hàm kernel, quan trọng nhất trước.</translation>
    </message>
    <message>
        <source>How to trace kernel functions: auto (default: the best this kernel offers), kprobe-multi, kprobe, fentry, or tracepoint (none).</source>
        <translation>Cách trace hàm kernel: auto (mặc định: cách tốt nhất kernel này hỗ trợ), kprobe-multi, kprobe, fentry, hoặc tracepoint (không trace hàm).</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>không đọc được %1: %2</translation>
    </message>
    <message>
        <source>--backend must be auto, kprobe-multi, kprobe, fentry or tracepoint, got &apos;%1&apos;</source>
        <translation>--backend phải là auto, kprobe-multi, kprobe, fentry hoặc tracepoint, nhận được &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Recording with %1 of %2 tracepoints and %3 of %4 kernel functions (backend %5)%6%7. Press Ctrl-C to stop.</source>
        <translation>Đang ghi với %1/%2 tracepoint và %3/%4 hàm kernel (backend %5)%6%7. Nhấn Ctrl-C để dừng.</translation>
    </message>
    <message>
        <source>  backend %1 not available: %2
</source>
        <translation>  backend %1 không khả dụng: %2
</translation>
    </message>
    <message>
        <source>  not in this kernel (skipped): %1
</source>
        <translation>  không có trong kernel này (bỏ qua): %1
</translation>
    </message>
    <message>
        <source>  cannot attach to %1: %2
</source>
        <translation>  không gắn được vào %1: %2
</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Cảnh báo: %1</translation>
    </message>
    <message>
        <source>  nftables verdicts: read in the kernel at %1 (backend %2)
</source>
        <translation>  phán quyết nftables: đọc trong nhân tại %1 (backend %2)
</translation>
    </message>
    <message>
        <source>  nftables verdicts: from netlink trace messages (not read in the kernel: %1)
</source>
        <translation>  phán quyết nftables: từ các thông điệp trace qua netlink (không đọc được trong nhân: %1)
</translation>
    </message>
    <message>
        <source>Take nftables verdicts from netlink trace messages even where the kernel function backend can read them in the kernel (to compare).</source>
        <translation>Lấy phán quyết nftables từ các thông điệp trace qua netlink, kể cả khi backend hàm nhân có thể đọc chúng ngay trong nhân (để so sánh).</translation>
    </message>
    <message>
        <source>Start a new file every DURATION (s, m or h; plain numbers are seconds).</source>
        <translation>Bắt đầu một tệp mới sau mỗi DURATION (s, m hoặc h; số không có đơn vị là giây).</translation>
    </message>
    <message>
        <source>Keep only the newest N files of a rotating recording (with --max-size or --max-duration): the oldest is removed when a new one starts.</source>
        <translation>Chỉ giữ N tệp mới nhất của một bản ghi xoay vòng (với --max-size hoặc --max-duration): tệp cũ nhất bị xóa khi một tệp mới bắt đầu.</translation>
    </message>
    <message>
        <source>--max-size needs a size from 4M to 16T (a number with K, M, G or T), got &apos;%1&apos;</source>
        <translation>--max-size cần một kích thước từ 4M đến 16T (một số kèm K, M, G hoặc T), nhận được &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--max-duration needs a duration from 1s to 366 days (a number with s, m or h), got &apos;%1&apos;</source>
        <translation>--max-duration cần một khoảng thời gian từ 1s đến 366 ngày (một số kèm s, m hoặc h), nhận được &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--ring needs a number of files from 1 to %1, got &apos;%2&apos;</source>
        <translation>--ring cần một số tệp từ 1 đến %1, nhận được &apos;%2&apos;</translation>
    </message>
    <message>
        <source>--ring needs --max-size or --max-duration: they say when a new file starts</source>
        <translation>--ring cần --max-size hoặc --max-duration: chúng cho biết khi nào một tệp mới bắt đầu</translation>
    </message>
    <message>
        <source>--max-size, --max-duration and --ring need an output file: -o FILE</source>
        <translation>--max-size, --max-duration và --ring cần một tệp đầu ra: -o FILE</translation>
    </message>
    <message>
        <source>Per-packet journeys not printed: a recording this long keeps only its statistics in memory. Record with -o FILE to keep the journeys.</source>
        <translation>Không in hành trình từng gói: một bản ghi dài như vậy chỉ giữ thống kê trong bộ nhớ. Hãy ghi với -o FILE để giữ lại các hành trình.</translation>
    </message>
    <message>
        <source>Per-packet journeys not printed: the trace holds %1 events, more than the %2 printed at the end. &apos;show&apos; prints them from the files.</source>
        <translation>Không in hành trình từng gói: bản trace có %1 sự kiện, nhiều hơn %2 sự kiện được in khi kết thúc. &apos;show&apos; in chúng từ các tệp.</translation>
    </message>
    <message>
        <source>Journeys of the %1 files kept (--ring removed %2 older ones):</source>
        <translation>Hành trình của %1 tệp được giữ lại (--ring đã xóa %2 tệp cũ hơn):</translation>
    </message>
    <message>
        <source>recording stopped: %1 What was written until then is kept.</source>
        <translation>đã dừng ghi: %1 Những gì đã ghi đến lúc đó được giữ lại.</translation>
    </message>
    <message>
        <source>A .nftrace file; several files or a folder of a rotating recording (--max-size, --max-duration) open as one trace.</source>
        <translation>Một tệp .nftrace; nhiều tệp hoặc một thư mục của một bản ghi xoay vòng (--max-size, --max-duration) được mở như một bản trace.</translation>
    </message>
    <message>
        <source>%1 needs a trace file or a folder of them; try &apos;%1 --help&apos;</source>
        <translation>%1 cần một tệp trace hoặc một thư mục chứa chúng; hãy thử &apos;%1 --help&apos;</translation>
    </message>
    <message>
        <source>Start a new file when the current one holds SIZE (K, M, G or T; at least 4M). The files are named FILE_NNNNN_TIME.nftrace after their start (UTC).</source>
        <translation>Bắt đầu một tệp mới khi tệp hiện tại đạt SIZE (K, M, G hoặc T; ít nhất 4M). Các tệp được đặt tên FILE_NNNNN_TIME.nftrace theo thời điểm bắt đầu (UTC).</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>cảnh báo: %1</translation>
    </message>
    <message>
        <source>  chain verdicts: read in the kernel at %1&apos;s return
</source>
        <translation>  phán quyết của chain: đọc trong nhân khi %1 trả về
</translation>
    </message>
    <message>
        <source>  chain verdicts: not read (%1)
</source>
        <translation>  phán quyết của chain: không đọc được (%1)
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
        <translation>Cách dùng: nft-tracer-cli LỆNH [TÙY CHỌN]

Các lệnh:
  record [--filter EXPR] [--netns NAME|PATH] [--duration S] [--max-packets N]
         [-o FILE [--max-size SIZE] [--max-duration D] [--ring N]] [--quiet]
                                  ghi lại hành trình của gói tin (cần quyền root)
         [--config FILE] [--functions A,B] [--layers L,...] [--priority N]
         [--max-functions N] [--backend auto|kprobe-multi|kprobe|fentry|tracepoint]
                                  ...và các hàm kernel mà gói đi qua
  show FILE...|DIR [--packet ID] [--stats] [--json]
                                  in hành trình và thống kê của một tệp trace
  export FILE...|DIR --format json|pcapng|sqlite -o OUT
                                  chuyển đổi tệp trace cho các công cụ khác
  discover [--layers L,...] [--priority N] [--json] [--config OUT --max-trace N]
                                  liệt kê các hàm kernel nhận một sk_buff

Chạy &apos;nft-tracer-cli LỆNH --help&apos; để xem các tùy chọn của từng lệnh.
</translation>
    </message>
    <message>
        <source>json (journeys, statistics, ruleset), pcapng (one packet per journey, the journey as its comment) or sqlite (a trace file with one row per event, for sqlite3).</source>
        <translation>json (hành trình, thống kê, ruleset), pcapng (mỗi hành trình một gói, hành trình nằm trong comment của gói) hoặc sqlite (một tệp trace với mỗi sự kiện một hàng, dùng với sqlite3).</translation>
    </message>
    <message>
        <source>--format must be json, pcapng or sqlite, got &apos;%1&apos;</source>
        <translation>--format phải là json, pcapng hoặc sqlite, nhận được &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>nt::Discovery</name>
    <message>
        <source>cannot read the kernel&apos;s BTF at %1: this kernel was built without CONFIG_DEBUG_INFO_BTF, so its functions cannot be discovered. Tracepoints still work.</source>
        <translation>không đọc được BTF của kernel tại %1: kernel này được build không có CONFIG_DEBUG_INFO_BTF, nên không thể tìm các hàm của nó. Tracepoint vẫn hoạt động.</translation>
    </message>
</context>
<context>
    <name>nt::EventStream</name>
    <message>
        <source>Cannot send %1 in the event stream: %2 bytes, more than the limit of %3.</source>
        <translation>Không gửi được %1 trong luồng sự kiện: %2 byte, vượt giới hạn %3.</translation>
    </message>
    <message>
        <source>a boolean field holds %1</source>
        <translation>một trường boolean chứa giá trị %1</translation>
    </message>
    <message>
        <source>a field of %1 bytes exceeds the limit of %2</source>
        <translation>một trường dài %1 byte vượt giới hạn %2</translation>
    </message>
    <message>
        <source>%1 items announced, more than the %2 bytes left can hold</source>
        <translation>khai báo %1 phần tử, nhiều hơn số mà %2 byte còn lại chứa được</translation>
    </message>
    <message>
        <source>the frame ends inside a field</source>
        <translation>frame kết thúc giữa chừng một trường</translation>
    </message>
    <message>
        <source>%1 bytes left over after the last field</source>
        <translation>còn thừa %1 byte sau trường cuối cùng</translation>
    </message>
    <message>
        <source>The event stream from the helper is corrupt (%1 frame: %2). Stop the trace and start it again; if this repeats, the helper and the application do not match: reinstall nft-tracer.</source>
        <translation>Luồng sự kiện từ helper bị hỏng (frame %1: %2). Hãy dừng trace rồi bắt đầu lại; nếu lỗi lặp lại thì helper và ứng dụng không khớp phiên bản: hãy cài lại nft-tracer.</translation>
    </message>
    <message>
        <source>an event record has type %1</source>
        <translation>một bản ghi sự kiện có kiểu %1</translation>
    </message>
    <message>
        <source>packet %1 is placed before event %2 (previous packet: %3, events: %4)</source>
        <translation>gói %1 nằm trước sự kiện %2 (gói trước: %3, sự kiện: %4)</translation>
    </message>
    <message>
        <source>an nft trace record has type %1</source>
        <translation>một bản ghi trace nft có kiểu %1</translation>
    </message>
    <message>
        <source>The helper sent data after the end of the event stream: the stream is corrupt.</source>
        <translation>Helper gửi dữ liệu sau khi luồng sự kiện đã kết thúc: luồng bị hỏng.</translation>
    </message>
    <message>
        <source>The descriptor the helper returned does not carry an nft-tracer event stream (wrong signature). Check that the installed helper belongs to this version of nft-tracer.</source>
        <translation>File descriptor mà helper trả về không chứa luồng sự kiện của nft-tracer (sai chữ ký). Hãy kiểm tra helper đã cài có đúng phiên bản nft-tracer này không.</translation>
    </message>
    <message>
        <source>The helper&apos;s event stream has format version %1; this program reads version %2 and older. Install the same version of nft-tracer and its helper.</source>
        <translation>Luồng sự kiện của helper có định dạng phiên bản %1; chương trình này chỉ đọc được phiên bản %2 trở về trước. Hãy cài cùng một phiên bản cho nft-tracer và helper.</translation>
    </message>
    <message>
        <source>The helper&apos;s event stream announces a frame of %1 bytes, more than the limit of %2: the stream is corrupt. Stop the trace and start it again.</source>
        <translation>Luồng sự kiện của helper khai báo một frame %1 byte, vượt giới hạn %2: luồng bị hỏng. Hãy dừng trace rồi bắt đầu lại.</translation>
    </message>
    <message>
        <source>The helper&apos;s event stream is out of order (%1 frame: %2). Stop the trace and start it again.</source>
        <translation>Luồng sự kiện của helper sai thứ tự (frame %1: %2). Hãy dừng trace rồi bắt đầu lại.</translation>
    </message>
    <message>
        <source>a second header</source>
        <translation>header thứ hai</translation>
    </message>
    <message>
        <source>records before the header</source>
        <translation>bản ghi đứng trước header</translation>
    </message>
    <message>
        <source>counters before the header</source>
        <translation>bộ đếm đứng trước header</translation>
    </message>
    <message>
        <source>the event rate is not a finite positive number</source>
        <translation>tốc độ sự kiện không phải số dương hữu hạn</translation>
    </message>
    <message>
        <source>the end before the header</source>
        <translation>kết thúc trước cả header</translation>
    </message>
    <message>
        <source>The helper&apos;s event stream ended in the middle of a frame: the helper stopped unexpectedly. Check the system log for nft-tracer-helper.</source>
        <translation>Luồng sự kiện của helper kết thúc giữa chừng một frame: helper đã dừng đột ngột. Hãy xem log hệ thống của nft-tracer-helper.</translation>
    </message>
    <message>
        <source>interface names before the header</source>
        <translation>tên giao diện đến trước phần đầu</translation>
    </message>
    <message>
        <source>loss marks before the header</source>
        <translation>dấu mất dữ liệu đến trước phần đầu</translation>
    </message>
</context>
<context>
    <name>nt::Export</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>không ghi được %1: %2</translation>
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
    <name>nt::FilterBar</name>
    <message>
        <source>1 packet</source>
        <translation>1 gói tin</translation>
    </message>
    <message>
        <source>%1 packets</source>
        <translation>%1 gói tin</translation>
    </message>
    <message>
        <source>%1 of 1 packet</source>
        <translation>%1/1 gói tin</translation>
    </message>
    <message>
        <source>%1 of %2 packets</source>
        <translation>%1/%2 gói tin</translation>
    </message>
    <message>
        <source>Filter packets: e.g. tcp port 8080, host 10.0.0.2 and not icmp (Enter applies)</source>
        <translation>Lọc gói tin: ví dụ tcp port 8080, host 10.0.0.2 and not icmp (Enter để áp dụng)</translation>
    </message>
    <message>
        <source>The recorder&apos;s filter language: host, net, port, portrange, tcp, udp, icmp, icmp6, ip, ip6, ifindex, mark, and, or, not, parentheses</source>
        <translation>Cú pháp bộ lọc của trình ghi: host, net, port, portrange, tcp, udp, icmp, icmp6, ip, ip6, ifindex, mark, and, or, not, dấu ngoặc</translation>
    </message>
    <message>
        <source>Show the packets of every rule again</source>
        <translation>Hiện lại gói tin của mọi luật</translation>
    </message>
</context>
<context>
    <name>nt::FunctionConfig</name>
    <message>
        <source>%1: each entry must be an object, got %2</source>
        <translation>%1: mỗi mục phải là một object, nhận được %2</translation>
    </message>
    <message>
        <source>%1: &quot;name&quot; must be a non-empty string</source>
        <translation>%1: &quot;name&quot; phải là một chuỗi không rỗng</translation>
    </message>
    <message>
        <source>%1: unknown key &quot;%2&quot; (known: name, layer, priority, enabled)</source>
        <translation>%1: khóa không hợp lệ &quot;%2&quot; (các khóa hợp lệ: name, layer, priority, enabled)</translation>
    </message>
    <message>
        <source>%1: &quot;layer&quot; must be a string, got %2</source>
        <translation>%1: &quot;layer&quot; phải là một chuỗi, nhận được %2</translation>
    </message>
    <message>
        <source>%1: unknown layer &quot;%2&quot; (known: %3)</source>
        <translation>%1: layer không hợp lệ &quot;%2&quot; (các layer hợp lệ: %3)</translation>
    </message>
    <message>
        <source>%1: &quot;priority&quot; must be a whole number from 0 to 3, got %2</source>
        <translation>%1: &quot;priority&quot; phải là số nguyên từ 0 đến 3, nhận được %2</translation>
    </message>
    <message>
        <source>%1: &quot;enabled&quot; must be true or false, got %2</source>
        <translation>%1: &quot;enabled&quot; phải là true hoặc false, nhận được %2</translation>
    </message>
    <message>
        <source>%1: not valid JSON at byte %2: %3</source>
        <translation>%1: JSON không hợp lệ tại byte %2: %3</translation>
    </message>
    <message>
        <source>%1: the top level must be an object with &quot;version&quot; and &quot;functions&quot;</source>
        <translation>%1: cấp ngoài cùng phải là một object có &quot;version&quot; và &quot;functions&quot;</translation>
    </message>
    <message>
        <source>%1: unknown key &quot;%2&quot; at the top level (known: version, functions)</source>
        <translation>%1: khóa không hợp lệ &quot;%2&quot; ở cấp ngoài cùng (các khóa hợp lệ: version, functions)</translation>
    </message>
    <message>
        <source>%1: &quot;version&quot; must be a number, got &quot;%2&quot;</source>
        <translation>%1: &quot;version&quot; phải là một số, nhận được &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1: &quot;version&quot; is missing or not a number</source>
        <translation>%1: thiếu &quot;version&quot; hoặc nó không phải là số</translation>
    </message>
    <message>
        <source>%1: format version %2 is not supported (this nft-tracer reads version 1)</source>
        <translation>%1: không hỗ trợ định dạng phiên bản %2 (nft-tracer này đọc phiên bản 1)</translation>
    </message>
    <message>
        <source>%1: &quot;functions&quot; must be an array, got %2</source>
        <translation>%1: &quot;functions&quot; phải là một mảng, nhận được %2</translation>
    </message>
    <message>
        <source>%1: functions[%2] (%3): listed twice</source>
        <translation>%1: functions[%2] (%3): bị liệt kê hai lần</translation>
    </message>
    <message>
        <source>unknown layer &quot;%1&quot; (known: %2)</source>
        <translation>layer không hợp lệ &quot;%1&quot; (các layer hợp lệ: %2)</translation>
    </message>
</context>
<context>
    <name>nt::Helper</name>
    <message>
        <source>the kernel&apos;s BTF describes none of the networking tracepoints</source>
        <translation>BTF của kernel không mô tả tracepoint mạng nào</translation>
    </message>
    <message>
        <source>nftables rule tracing runs together with the tracepoint backend, which is unavailable</source>
        <translation>trace luật nftables chỉ chạy cùng backend tracepoint, mà backend này không khả dụng</translation>
    </message>
    <message>
        <source>the helper is shutting down</source>
        <translation>helper đang tắt</translation>
    </message>
    <message>
        <source>too many requests are waiting for authorisation; answer the open password dialog first</source>
        <translation>có quá nhiều yêu cầu đang chờ xác thực; hãy trả lời hộp thoại mật khẩu đang mở trước</translation>
    </message>
    <message>
        <source>not authorised to %1: polkit denied it. Ask an administrator to allow it, or run from an active local session.</source>
        <translation>không được cấp quyền để %1: polkit đã từ chối. Hãy nhờ quản trị viên cho phép, hoặc chạy từ một phiên cục bộ đang hoạt động.</translation>
    </message>
    <message>
        <source>not authorised to %1: an administrator password is needed, but no polkit authentication agent is running in your session to ask for it.</source>
        <translation>không được cấp quyền để %1: cần mật khẩu quản trị viên, nhưng không có polkit authentication agent nào chạy trong phiên của bạn để hỏi mật khẩu.</translation>
    </message>
    <message>
        <source>not authorised to %1: polkit could not be asked (%2). Check that polkitd is running.</source>
        <translation>không được cấp quyền để %1: không hỏi được polkit (%2). Hãy kiểm tra polkitd có đang chạy không.</translation>
    </message>
    <message>
        <source>read the nftables ruleset</source>
        <translation>đọc ruleset nftables</translation>
    </message>
    <message>
        <source>this client is already starting a trace session</source>
        <translation>client này đang khởi động một phiên trace rồi</translation>
    </message>
    <message>
        <source>trace packets</source>
        <translation>trace gói tin</translation>
    </message>
    <message>
        <source>cannot create the event stream: %1</source>
        <translation>không tạo được luồng sự kiện: %1</translation>
    </message>
    <message>
        <source>there is no trace session %1 of this client</source>
        <translation>client này không có phiên trace %1</translation>
    </message>
    <message>
        <source>Privileged D-Bus helper of nft-tracer; started by D-Bus activation.</source>
        <translation>Helper D-Bus đặc quyền của nft-tracer; được khởi động qua D-Bus activation.</translation>
    </message>
    <message>
        <source>Exit after SECONDS without sessions or calls (0: never; default %1, or NFT_TRACER_HELPER_IDLE_TIMEOUT).</source>
        <translation>Thoát sau SECONDS giây không có phiên hay lời gọi nào (0: không bao giờ; mặc định %1, hoặc NFT_TRACER_HELPER_IDLE_TIMEOUT).</translation>
    </message>
    <message>
        <source>invalid idle timeout &quot;%1&quot;: give 0 to 86400 seconds</source>
        <translation>idle timeout không hợp lệ &quot;%1&quot;: hãy đưa từ 0 đến 86400 giây</translation>
    </message>
    <message>
        <source>cannot connect to the system bus: %1</source>
        <translation>không kết nối được tới system bus: %1</translation>
    </message>
    <message>
        <source>cannot register the object %1: %2</source>
        <translation>không đăng ký được object %1: %2</translation>
    </message>
    <message>
        <source>cannot own the bus name %1: %2 (is another helper running, and is the D-Bus policy file installed?)</source>
        <translation>không chiếm được bus name %1: %2 (có helper khác đang chạy không, và tệp policy D-Bus đã được cài chưa?)</translation>
    </message>
    <message>
        <source>option &quot;%1&quot; must have D-Bus type &quot;%2&quot;, not &quot;%3&quot;</source>
        <translation>tùy chọn &quot;%1&quot; phải có kiểu D-Bus &quot;%2&quot;, không phải &quot;%3&quot;</translation>
    </message>
    <message>
        <source>network namespace &quot;%1&quot; is not a valid name: use 1 to %2 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos; (a name from &apos;ip netns list&apos;, not a path)</source>
        <translation>&quot;%1&quot; không phải tên network namespace hợp lệ: hãy dùng từ 1 đến %2 ký tự gồm chữ cái, chữ số, &apos;_&apos;, &apos;.&apos; hoặc &apos;-&apos; (một tên trong &apos;ip netns list&apos;, không phải đường dẫn)</translation>
    </message>
    <message>
        <source>there is no network namespace named &quot;%1&quot; (see &apos;ip netns list&apos;)</source>
        <translation>không có network namespace nào tên &quot;%1&quot; (xem &apos;ip netns list&apos;)</translation>
    </message>
    <message>
        <source>the filter is %1 bytes long; at most %2 are allowed</source>
        <translation>bộ lọc dài %1 byte; chỉ cho phép tối đa %2</translation>
    </message>
    <message>
        <source>filter: %1</source>
        <translation>bộ lọc: %1</translation>
    </message>
    <message>
        <source>option &quot;ringbuf_mb&quot; is %1; it must be between %2 and %3</source>
        <translation>tùy chọn &quot;ringbuf_mb&quot; là %1; giá trị phải nằm trong khoảng %2 đến %3</translation>
    </message>
    <message>
        <source>option &quot;duration_s&quot; is %1; it must be at most %2 (0 records until stopped)</source>
        <translation>tùy chọn &quot;duration_s&quot; là %1; giá trị tối đa là %2 (0 là ghi cho tới khi bị dừng)</translation>
    </message>
    <message>
        <source>option &quot;max_packets&quot; is %1; it must be at most %2 (0 means no limit)</source>
        <translation>tùy chọn &quot;max_packets&quot; là %1; giá trị tối đa là %2 (0 là không giới hạn)</translation>
    </message>
    <message>
        <source>unknown option &quot;%1&quot;; the options are: %2</source>
        <translation>tùy chọn không hợp lệ &quot;%1&quot;; các tùy chọn là: %2</translation>
    </message>
    <message>
        <source>this client already has a trace session; stop it before starting another</source>
        <translation>client này đã có một phiên trace; hãy dừng phiên đó trước khi bắt đầu phiên khác</translation>
    </message>
    <message>
        <source>the helper already runs %1 trace sessions, its limit; try again when one has stopped</source>
        <translation>helper đang chạy %1 phiên trace, đã đạt giới hạn; hãy thử lại khi có một phiên dừng</translation>
    </message>
    <message>
        <source>stopped by the client</source>
        <translation>bị client dừng</translation>
    </message>
    <message>
        <source>the client left the bus</source>
        <translation>client đã rời bus</translation>
    </message>
    <message>
        <source>the client closed the event stream</source>
        <translation>client đã đóng luồng sự kiện</translation>
    </message>
    <message>
        <source>the requested duration (%1 s) is over</source>
        <translation>đã hết thời lượng yêu cầu (%1 s)</translation>
    </message>
    <message>
        <source>the requested number of packets (%1) was reached</source>
        <translation>đã đạt số gói yêu cầu (%1)</translation>
    </message>
    <message>
        <source>option &quot;backend&quot; is &quot;%1&quot;; it must be auto, kprobe-multi, kprobe, fentry or tracepoint</source>
        <translation>tùy chọn &quot;backend&quot; là &quot;%1&quot;; nó phải là auto, kprobe-multi, kprobe, fentry hoặc tracepoint</translation>
    </message>
    <message>
        <source>option &quot;functions&quot; names %1 functions; at most %2 are allowed</source>
        <translation>tùy chọn &quot;functions&quot; nêu %1 hàm; chỉ cho phép tối đa %2</translation>
    </message>
    <message>
        <source>option &quot;functions&quot;: &quot;%1&quot; is not a kernel function name (1 to %2 letters, digits, &apos;_&apos; or &apos;.&apos;)</source>
        <translation>tùy chọn &quot;functions&quot;: &quot;%1&quot; không phải là tên hàm nhân (1 đến %2 chữ cái, chữ số, &apos;_&apos; hoặc &apos;.&apos;)</translation>
    </message>
    <message>
        <source>option &quot;layers&quot;: &quot;%1&quot; is not a layer; the layers are: %2</source>
        <translation>tùy chọn &quot;layers&quot;: &quot;%1&quot; không phải là một tầng; các tầng là: %2</translation>
    </message>
    <message>
        <source>option &quot;priority&quot; is %1; it must be from 0 (critical) to 3 (verbose)</source>
        <translation>tùy chọn &quot;priority&quot; là %1; nó phải từ 0 (quan trọng nhất) đến 3 (chi tiết nhất)</translation>
    </message>
    <message>
        <source>option &quot;max_functions&quot; is %1; it must be between 1 and %2</source>
        <translation>tùy chọn &quot;max_functions&quot; là %1; nó phải nằm trong khoảng từ 1 đến %2</translation>
    </message>
    <message>
        <source>option &quot;function_config&quot; is %1 bytes long; at most %2 are allowed</source>
        <translation>tùy chọn &quot;function_config&quot; dài %1 byte; chỉ cho phép tối đa %2</translation>
    </message>
    <message>
        <source>kernel functions were chosen, but this kernel offers no way to trace them (%1); choose tracepoints only</source>
        <translation>đã chọn các hàm nhân, nhưng nhân này không có cách nào để theo dõi chúng (%1); hãy chọn chỉ tracepoint</translation>
    </message>
    <message>
        <source>nftables&apos; trace function cannot be probed: %1</source>
        <translation>không thể thăm dò hàm trace của nftables: %1</translation>
    </message>
    <message>
        <source>no function backend (kprobe.multi, kprobe, fentry) is available to probe nftables&apos; trace function; verdicts come from netlink</source>
        <translation>không có backend hàm nào (kprobe.multi, kprobe, fentry) để thăm dò hàm trace của nftables; phán quyết lấy từ netlink</translation>
    </message>
</context>
<context>
    <name>nt::HelperClient</name>
    <message>
        <source>The nft-tracer helper is not available (%1). Install the helper with nft-tracer (its D-Bus service and polkit files), or open a saved trace instead.</source>
        <translation>Helper của nft-tracer không khả dụng (%1). Hãy cài helper cùng nft-tracer (các tệp D-Bus service và polkit của nó), hoặc mở một trace đã lưu.</translation>
    </message>
    <message>
        <source>The nft-tracer helper did not answer (%1). Check that the system bus is running and look for nft-tracer-helper in the system log.</source>
        <translation>Helper của nft-tracer không phản hồi (%1). Hãy kiểm tra system bus có đang chạy không và tìm nft-tracer-helper trong log hệ thống.</translation>
    </message>
    <message>
        <source>A trace is already running; stop it before starting another.</source>
        <translation>Đang có một trace chạy; hãy dừng nó trước khi bắt đầu trace khác.</translation>
    </message>
    <message>
        <source>The helper started the trace but sent no event stream; the trace is stopped.</source>
        <translation>Helper đã bắt đầu trace nhưng không gửi luồng sự kiện nào; trace đã dừng.</translation>
    </message>
    <message>
        <source>Reading the event stream from the helper failed: %1. The trace is stopped.</source>
        <translation>Đọc luồng sự kiện từ helper thất bại: %1. Trace đã dừng.</translation>
    </message>
    <message>
        <source>The helper closed the event stream without ending the trace. Look for nft-tracer-helper in the system log.</source>
        <translation>Helper đã đóng luồng sự kiện mà không kết thúc trace. Hãy tìm nft-tracer-helper trong log hệ thống.</translation>
    </message>
</context>
<context>
    <name>nt::JourneyDetail</name>
    <message>
        <source>rule %1 → %2</source>
        <translation>luật %1 → %2</translation>
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
        <translation>lý do %1</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>tại %1</translation>
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
        <translation>policy của chuỗi (%1)</translation>
    </message>
    <message>
        <source>This decision gave the final verdict</source>
        <translation>Quyết định này cho ra phán quyết cuối cùng</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>no nftables rule traced this packet (nft tracing off, or no ruleset hook)</source>
        <translation>không có luật nftables nào trace gói tin này (trace nft đang tắt, hoặc ruleset không có hook tương ứng)</translation>
    </message>
    <message>
        <source>not captured</source>
        <translation>không bắt được</translation>
    </message>
    <message>
        <source>no IP header was captured for this packet</source>
        <translation>không bắt được IP header của gói tin này</translation>
    </message>
    <message>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>Định danh (ID)</translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Đích</translation>
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
        <translation>Tổng độ dài</translation>
    </message>
    <message>
        <source>Fragment</source>
        <translation>Phân mảnh</translation>
    </message>
    <message>
        <source>not the first fragment: no transport header</source>
        <translation>không phải phân mảnh đầu tiên: không có header tầng transport</translation>
    </message>
    <message>
        <source>Source port</source>
        <translation>Port nguồn</translation>
    </message>
    <message>
        <source>Destination port</source>
        <translation>Port đích</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Cờ</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>Số thứ tự (Seq)</translation>
    </message>
    <message>
        <source>Acknowledgment number</source>
        <translation>Số xác nhận (Ack)</translation>
    </message>
    <message>
        <source>type %1 code %2</source>
        <translation>kiểu %1 mã %2</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Kiểu</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Định danh</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Số thứ tự</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Giao thức</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng</translation>
    </message>
    <message>
        <source>Offset / field</source>
        <translation>Offset / trường</translation>
    </message>
    <message>
        <source>Event / value</source>
        <translation>Sự kiện / giá trị</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>No packet selected</source>
        <translation>Chưa chọn gói tin nào</translation>
    </message>
    <message>
        <source>Select a packet in the list to see its journey through the kernel.</source>
        <translation>Hãy chọn một gói tin trong danh sách để xem hành trình của nó qua kernel.</translation>
    </message>
    <message>
        <source>skb 0x%1</source>
        <translation>skb 0x%1</translation>
    </message>
    <message>
        <source>Journey %1 · %2 · events: %3 · %4</source>
        <translation>Hành trình %1 · %2 · sự kiện: %3 · %4</translation>
    </message>
    <message>
        <source>Path through the kernel</source>
        <translation>Đường đi qua kernel</translation>
    </message>
    <message>
        <source>nftables rules evaluated</source>
        <translation>Các luật nftables đã xét</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Time per layer</source>
        <translation>Thời gian theo tầng</translation>
    </message>
    <message>
        <source>chain verdict → %1</source>
        <translation>phán quyết của chain → %1</translation>
    </message>
    <message>
        <source>chain verdict</source>
        <translation>phán quyết của chain</translation>
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
    <name>nt::LatencyCharts</name>
    <message>
        <source>Latency charts</source>
        <translation>Biểu đồ độ trễ</translation>
    </message>
    <message>
        <source>Per-layer latency box plot</source>
        <translation>Biểu đồ hộp độ trễ theo tầng</translation>
    </message>
    <message>
        <source>Selected packet&apos;s time per layer</source>
        <translation>Thời gian theo tầng của gói tin đã chọn</translation>
    </message>
    <message>
        <source>End-to-end latency histogram</source>
        <translation>Histogram độ trễ end-to-end</translation>
    </message>
    <message>
        <source>Latency percentiles per layer</source>
        <translation>Các percentile độ trễ theo tầng</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Lưu thành PNG…</translation>
    </message>
    <message>
        <source>Save the charts and the table as a PNG image</source>
        <translation>Lưu các biểu đồ và bảng thành ảnh PNG</translation>
    </message>
    <message>
        <source>Time per layer (µs), visible packets</source>
        <translation>Thời gian theo tầng (µs), các gói đang hiển thị</translation>
    </message>
    <message>
        <source>End-to-end latency</source>
        <translation>Độ trễ end-to-end</translation>
    </message>
    <message numerus="yes">
        <source>Computing latency statistics for %n packet(s)…</source>
        <translation>
            <numerusform>Đang tính thống kê độ trễ cho %n gói tin…</numerusform>
        </translation>
    </message>
    <message>
        <source>No packets selected</source>
        <translation>Chưa chọn gói tin nào</translation>
    </message>
    <message>
        <source>No trace</source>
        <translation>Chưa có trace</translation>
    </message>
    <message numerus="yes">
        <source>%n packet(s): median %1, p99 %2 end to end</source>
        <translation>
            <numerusform>%n gói tin: trung vị %1, p99 %2 end-to-end</numerusform>
        </translation>
    </message>
    <message>
        <source>Time per layer</source>
        <translation>Thời gian theo tầng</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>không có dữ liệu</translation>
    </message>
    <message>
        <source>µs</source>
        <translation>µs</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Gói tin</translation>
    </message>
    <message>
        <source>end-to-end time (µs, bins from)</source>
        <translation>thời gian end-to-end (µs, bin bắt đầu từ)</translation>
    </message>
    <message>
        <source>packets</source>
        <translation>gói tin</translation>
    </message>
    <message>
        <source>Packet %1: %2 per layer</source>
        <translation>Gói tin %1: %2 theo tầng</translation>
    </message>
    <message>
        <source>Select a packet to see its time per layer</source>
        <translation>Hãy chọn một gói tin để xem thời gian theo tầng của nó</translation>
    </message>
    <message>
        <source>Save Latency Charts</source>
        <translation>Lưu biểu đồ độ trễ</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Ảnh PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1. Check that the folder exists and is writable, then try again.</source>
        <translation>Không ghi được %1. Hãy kiểm tra thư mục có tồn tại và có quyền ghi không, rồi thử lại.</translation>
    </message>
</context>
<context>
    <name>nt::LatencyTableModel</name>
    <message>
        <source>End to end</source>
        <translation>End-to-end</translation>
    </message>
    <message>
        <source>%1 packets; mean %2, min %3</source>
        <translation>%1 gói tin; trung bình %2, min %3</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Tầng</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Gói tin</translation>
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
    <name>nt::LinkWatcher</name>
    <message>
        <source>cannot list the network interfaces of the traced namespace (%1: %2). Check that rtnetlink (NETLINK_ROUTE) works in this namespace.</source>
        <translation>không thể liệt kê các giao diện mạng của namespace đang theo dõi (%1: %2). Hãy kiểm tra rằng rtnetlink (NETLINK_ROUTE) hoạt động trong namespace này.</translation>
    </message>
</context>
<context>
    <name>nt::LiveBudgetDialog</name>
    <message>
        <source>Live Trace Memory</source>
        <translation>Bộ nhớ cho trace trực tiếp</translation>
    </message>
    <message>
        <source>A live trace keeps its journeys in memory up to this size. Beyond it the oldest journeys leave the view; they stay in the trace that File ▸ Save As writes. Takes effect when the next live trace starts.</source>
        <translation>Trace trực tiếp giữ các hành trình trong bộ nhớ tới kích thước này. Vượt quá, các hành trình cũ nhất rời khỏi khung xem; chúng vẫn có trong trace mà Tệp ▸ Lưu thành ghi ra. Có hiệu lực khi trace trực tiếp tiếp theo bắt đầu.</translation>
    </message>
    <message>
        <source>Automatic: a quarter of the available memory (64 MiB to 4 GiB), now %1 MiB</source>
        <translation>Tự động: một phần tư bộ nhớ còn trống (64 MiB đến 4 GiB), hiện là %1 MiB</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>&amp;Bộ nhớ:</translation>
    </message>
</context>
<context>
    <name>nt::MainWindow</name>
    <message>
        <source>Packet journeys through the Linux kernel and nftables.</source>
        <translation>Hành trình của gói tin qua kernel Linux và nftables.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Mở &amp;gần đây</translation>
    </message>
    <message>
        <source>&amp;Trace</source>
        <translation>T&amp;race</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Mở…</translation>
    </message>
    <message>
        <source>Open &amp;Sample</source>
        <translation>Mở trace mẫ&amp;u</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>&amp;Lưu thành…</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>Xuất &amp;JSON…</translation>
    </message>
    <message>
        <source>Export &amp;pcapng…</source>
        <translation>Xuất &amp;pcapng…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Xóa danh sách</translation>
    </message>
    <message>
        <source>&amp;Start…</source>
        <translation>&amp;Bắt đầu…</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Dừng</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Lọc</translation>
    </message>
    <message>
        <source>Go to the packet filter</source>
        <translation>Chuyển tới bộ lọc gói tin</translation>
    </message>
    <message>
        <source>Start tracing packets live (needs the nft-tracer helper)</source>
        <translation>Bắt đầu trace gói tin trực tiếp (cần helper của nft-tracer)</translation>
    </message>
    <message>
        <source>Stop the live trace</source>
        <translation>Dừng trace trực tiếp</translation>
    </message>
    <message>
        <source>&amp;About nft-tracer</source>
        <translation>&amp;Giới thiệu nft-tracer</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Hệ thống</translation>
    </message>
    <message>
        <source>S&amp;wimlane</source>
        <translation>S&amp;wimlane</translation>
    </message>
    <message>
        <source>Journey &amp;Detail</source>
        <translation>&amp;Chi tiết hành trình</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Thống kê</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Độ trễ</translation>
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
        <translation>Theo dõi gói tin đi qua kernel Linux: mọi tầng mà chúng đi qua, mọi luật nftables đã xét chúng, và nơi chúng bị hủy. Hãy mở một tệp trace, hoặc bắt đầu với trace mẫu được ghi giữa hai network namespace.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Mở…</translation>
    </message>
    <message>
        <source>Open Sample</source>
        <translation>Mở trace mẫu</translation>
    </message>
    <message>
        <source>Recent traces</source>
        <translation>Trace gần đây</translation>
    </message>
    <message>
        <source>Live trace</source>
        <translation>Trace trực tiếp</translation>
    </message>
    <message>
        <source>Sample trace</source>
        <translation>Trace mẫu</translation>
    </message>
    <message>
        <source>Unsaved trace</source>
        <translation>Trace chưa lưu</translation>
    </message>
    <message>
        <source>%1 — nft-tracer</source>
        <translation>%1 — nft-tracer</translation>
    </message>
    <message>
        <source>No trace</source>
        <translation>Chưa có trace</translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation>Backend: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <source>Kernel %1 on %2</source>
        <translation>Kernel %1 trên %2</translation>
    </message>
    <message>
        <source>Packets: %1 · Events: %2</source>
        <translation>Gói tin: %1 · Sự kiện: %2</translation>
    </message>
    <message>
        <source>%1 events/s</source>
        <translation>%1 sự kiện/s</translation>
    </message>
    <message>
        <source>Lost: %1</source>
        <translation>Bị mất: %1</translation>
    </message>
    <message>
        <source>Ring buffer full: %1
Packets not followed (tracking map full): %2
nft trace messages lost: %3
nft records joined to no packet: %4</source>
        <translation>Ring buffer đầy: %1
Gói bị bỏ sót (map theo dõi đầy): %2
Thông điệp trace nft bị mất: %3
Bản ghi nft không ghép được với gói nào: %4</translation>
    </message>
    <message>
        <source>Cannot open the sample</source>
        <translation>Không mở được trace mẫu</translation>
    </message>
    <message>
        <source>The sample trace could not be copied to %1: %2</source>
        <translation>Không chép được trace mẫu vào %1: %2</translation>
    </message>
    <message>
        <source>Open Trace</source>
        <translation>Mở trace</translation>
    </message>
    <message>
        <source>nft-tracer traces (*.nftrace);;All files (*)</source>
        <translation>Trace nft-tracer (*.nftrace);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Đang mở %1…</translation>
    </message>
    <message>
        <source>Cannot open the trace</source>
        <translation>Không mở được trace</translation>
    </message>
    <message>
        <source>Opening cancelled</source>
        <translation>Đã hủy việc mở</translation>
    </message>
    <message>
        <source>Rule: %1 %2 %3 #%4</source>
        <translation>Luật: %1 %2 %3 #%4</translation>
    </message>
    <message>
        <source>Chain: %1 %2 %3</source>
        <translation>Chuỗi: %1 %2 %3</translation>
    </message>
    <message>
        <source>Save Trace As</source>
        <translation>Lưu trace thành</translation>
    </message>
    <message>
        <source>nft-tracer traces (*.nftrace)</source>
        <translation>Trace nft-tracer (*.nftrace)</translation>
    </message>
    <message>
        <source>Cannot save the trace</source>
        <translation>Không lưu được trace</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>Xuất JSON</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Tệp JSON (*.json)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Đã xuất %1</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Không xuất được</translation>
    </message>
    <message>
        <source>Export pcapng</source>
        <translation>Xuất pcapng</translation>
    </message>
    <message>
        <source>pcapng files (*.pcapng)</source>
        <translation>Tệp pcapng (*.pcapng)</translation>
    </message>
    <message>
        <source>Trace stopped. Save it with File ▸ Save As.</source>
        <translation>Trace đã dừng. Hãy lưu bằng Tệp ▸ Lưu thành.</translation>
    </message>
    <message>
        <source>Live tracing needs the nft-tracer helper, which is not installed or could not be started. Install the nft-tracer-helper package (or run &apos;nft-tracer-cli record&apos; as root); trace files can still be opened.</source>
        <translation>Trace trực tiếp cần helper của nft-tracer, nhưng helper chưa được cài hoặc không khởi động được. Hãy cài gói nft-tracer-helper (hoặc chạy &apos;nft-tracer-cli record&apos; với quyền root); vẫn có thể mở tệp trace.</translation>
    </message>
    <message>
        <source>Tracing was not authorised. Tracing needs an administrator&apos;s permission; trace files can still be opened.</source>
        <translation>Trace không được cấp quyền. Trace cần quyền của quản trị viên; vẫn có thể mở tệp trace.</translation>
    </message>
    <message>
        <source>Live tracing failed</source>
        <translation>Trace trực tiếp thất bại</translation>
    </message>
    <message>
        <source>Starting the trace…</source>
        <translation>Đang bắt đầu trace…</translation>
    </message>
    <message>
        <source>Stopping the trace…</source>
        <translation>Đang dừng trace…</translation>
    </message>
    <message>
        <source>About nft-tracer</source>
        <translation>Giới thiệu nft-tracer</translation>
    </message>
    <message>
        <source>&lt;h3&gt;nft-tracer %1&lt;/h3&gt;&lt;p&gt;Packet journeys through the Linux kernel and nftables: every layer crossed, every rule evaluated, every drop with its reason.&lt;/p&gt;&lt;p&gt;Traces are recorded with eBPF tracepoints and nftables rule tracing.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;nft-tracer %1&lt;/h3&gt;&lt;p&gt;Hành trình của gói tin qua kernel Linux và nftables: mọi tầng đi qua, mọi luật đã xét, mọi lần hủy gói kèm lý do.&lt;/p&gt;&lt;p&gt;Trace được ghi bằng tracepoint eBPF và tính năng trace luật của nftables.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Unsaved Trace</source>
        <translation>Trace chưa lưu</translation>
    </message>
    <message>
        <source>The recorded trace has not been saved. Save it before quitting?</source>
        <translation>Trace vừa ghi chưa được lưu. Lưu lại trước khi thoát?</translation>
    </message>
    <message>
        <source>Stop reading %1; the packets read so far stay</source>
        <translation>Dừng đọc %1; các gói tin đã đọc được giữ lại</translation>
    </message>
    <message>
        <source>Opening stopped: the packets read so far are shown</source>
        <translation>Đã dừng mở tệp: hiển thị các gói tin đã đọc được</translation>
    </message>
    <message numerus="yes">
        <source>Sorting and filtering %n packet(s)…</source>
        <translation>
            <numerusform>Đang sắp xếp và lọc %n gói tin…</numerusform>
        </translation>
    </message>
    <message>
        <source>This trace holds no interface names (it was recorded by an older version), so &apos;ifname&apos; matches nothing in it. Use &apos;ifindex N&apos; instead.</source>
        <translation>Bản ghi này không có tên giao diện (được ghi bởi phiên bản cũ hơn), nên &apos;ifname&apos; không khớp gì trong đó. Hãy dùng &apos;ifindex N&apos;.</translation>
    </message>
    <message>
        <source>the nft-tracer helper is not installed or could not be started</source>
        <translation>trình trợ giúp nft-tracer chưa được cài đặt hoặc không khởi động được</translation>
    </message>
    <message>
        <source>Stop exporting; %1 is not written</source>
        <translation>Dừng xuất; %1 sẽ không được ghi</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Đang xuất %1…</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>Đã hủy việc xuất</translation>
    </message>
    <message>
        <source>Not in this kernel, skipped (the other functions are traced): %1</source>
        <translation>Không có trong nhân này, đã bỏ qua (các hàm khác vẫn được theo dõi): %1</translation>
    </message>
    <message>
        <source>A trace file (.nftrace) to open; several files of one recording, or their folder, open as one trace.</source>
        <translation>Tệp dấu vết (.nftrace) cần mở; nhiều tệp của cùng một lần ghi, hoặc thư mục chứa chúng, được mở thành một dấu vết.</translation>
    </message>
    <message>
        <source>Open a trace file (.nftrace); select several files of one recording to open them as one trace</source>
        <translation>Mở tệp dấu vết (.nftrace); chọn nhiều tệp của cùng một lần ghi để mở chúng thành một dấu vết</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>Mở &amp;thư mục…</translation>
    </message>
    <message>
        <source>Open the trace files of a folder as one trace (a rotated recording: record --ring)</source>
        <translation>Mở các tệp dấu vết trong một thư mục thành một dấu vết (bản ghi xoay vòng: record --ring)</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <source>Export SQLite &amp;Rows…</source>
        <translation>Xuất các &amp;dòng SQLite…</translation>
    </message>
    <message>
        <source>Write the trace with one SQLite row per event, for sqlite3 and other SQL tools (the view events_named names probes and functions); nft-tracer opens it too</source>
        <translation>Ghi trace với mỗi sự kiện một dòng SQLite, cho sqlite3 và các công cụ SQL khác (view events_named ghi tên điểm dò và hàm); nft-tracer cũng mở được tệp này</translation>
    </message>
    <message>
        <source>Export SQLite rows</source>
        <translation>Xuất các dòng SQLite</translation>
    </message>
    <message>
        <source>SQLite files (*.sqlite *.db)</source>
        <translation>Tệp SQLite (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>Live Trace &amp;Memory…</source>
        <translation>&amp;Bộ nhớ cho trace trực tiếp…</translation>
    </message>
    <message>
        <source>How much memory a live trace may hold before its oldest journeys leave the view</source>
        <translation>Trace trực tiếp được giữ bao nhiêu bộ nhớ trước khi các hành trình cũ nhất rời khỏi khung xem</translation>
    </message>
    <message>
        <source>The next live trace keeps up to %1 MiB in memory</source>
        <translation>Trace trực tiếp tiếp theo giữ tối đa %1 MiB trong bộ nhớ</translation>
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
    <name>nt::NftSource</name>
    <message>
        <source>kernel</source>
        <extracomment>Where an nftables rule evaluation was read: in the kernel (BPF) or from netlink.</extracomment>
        <translation>nhân</translation>
    </message>
    <message>
        <source>netlink</source>
        <translation>netlink</translation>
    </message>
    <message>
        <source>Read in the kernel next to the packet&apos;s sk_buff: exact, joined to this packet by its address</source>
        <translation>Đọc trong nhân ngay cạnh sk_buff của gói: chính xác, gắn với gói này theo địa chỉ của nó</translation>
    </message>
    <message>
        <source>Read from an nftables trace message (netlink): joined to this packet by its header fingerprint and trace id</source>
        <translation>Đọc từ thông điệp trace của nftables (netlink): gắn với gói này theo dấu vân tay tiêu đề và trace id</translation>
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
    <message>
        <source>a netdev trace chain binds between 1 and %1 interfaces, got %2</source>
        <translation>một chuỗi theo dõi netdev gắn với từ 1 đến %1 giao diện, nhận được %2</translation>
    </message>
    <message>
        <source>invalid interface name &apos;%1&apos;</source>
        <translation>tên giao diện không hợp lệ &apos;%1&apos;</translation>
    </message>
    <message>
        <source>bridge family chains are not traced: %1</source>
        <translation>các chuỗi thuộc họ bridge không được theo dõi: %1</translation>
    </message>
    <message>
        <source>netdev chains of these interfaces are not traced: %1</source>
        <translation>các chuỗi netdev của những giao diện này không được theo dõi: %1</translation>
    </message>
    <message>
        <source>netdev egress chains are not traced (the egress hook needs Linux 5.16 or later): %1</source>
        <translation>các chuỗi netdev egress không được theo dõi (hook egress cần Linux 5.16 trở lên): %1</translation>
    </message>
    <message>
        <source>netdev ingress and egress chains are not traced: %1</source>
        <translation>các chuỗi netdev ingress và egress không được theo dõi: %1</translation>
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
        <translation>Destination unreachable (mã %1)</translation>
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
        <translation>kiểu %1 mã %2</translation>
    </message>
    <message>
        <source>Fragment (id %1)</source>
        <translation>Phân mảnh (id %1)</translation>
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
        <translation>không rõ</translation>
    </message>
    <message>
        <source>%1 (policy, %2)</source>
        <translation>%1 (policy, %2)</translation>
    </message>
    <message>
        <source>%1 (rule %2, %3)</source>
        <translation>%1 (luật %2, %3)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Journey number</source>
        <translation>Số thứ tự hành trình</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Seconds since the trace started</source>
        <translation>Số giây kể từ khi trace bắt đầu</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Đích</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Giao thức</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Độ dài</translation>
    </message>
    <message>
        <source>Packet length in bytes</source>
        <translation>Độ dài gói tin tính bằng byte</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Các tầng</translation>
    </message>
    <message>
        <source>Kernel layers crossed, in order</source>
        <translation>Các tầng kernel đã đi qua, theo thứ tự</translation>
    </message>
    <message>
        <source>Fate</source>
        <translation>Kết cục</translation>
    </message>
    <message>
        <source>How the packet&apos;s journey ended</source>
        <translation>Hành trình của gói tin kết thúc thế nào</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Phán quyết</translation>
    </message>
    <message>
        <source>The final nftables verdict</source>
        <translation>Phán quyết nftables cuối cùng</translation>
    </message>
    <message>
        <source>Drop reason</source>
        <translation>Lý do hủy</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Tổng thời gian</translation>
    </message>
    <message>
        <source>Time from the first to the last event</source>
        <translation>Thời gian từ sự kiện đầu tiên tới sự kiện cuối cùng</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Thông tin</translation>
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
    <message>
        <source>poll failed: %1</source>
        <translation>poll thất bại: %1</translation>
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
    <message>
        <source>NAT: %1</source>
        <translation>NAT: %1</translation>
    </message>
    <message>
        <source> became %1 at %2</source>
        <extracomment>NAT rewrote the packet&apos;s addresses: %1 the new endpoints, %2 the netfilter hook.</extracomment>
        <translation> thành %1 tại %2</translation>
    </message>
    <message>
        <source> became %1</source>
        <translation> thành %1</translation>
    </message>
    <message>
        <source>Conntrack: %1</source>
        <translation>Conntrack: %1</translation>
    </message>
    <message>
        <source>original direction</source>
        <translation>chiều gốc</translation>
    </message>
    <message>
        <source>reply direction</source>
        <translation>chiều trả lời</translation>
    </message>
    <message>
        <source>Conntrack: id %1, %2, %3</source>
        <translation>Conntrack: id %1, %2, %3</translation>
    </message>
    <message>
        <source>original freed at %1 (%2)</source>
        <extracomment>%1 the kernel function, %2 the drop reason (NO_SOCKET).</extracomment>
        <translation>bản gốc được giải phóng tại %1 (%2)</translation>
    </message>
    <message>
        <source>original consumed at %1</source>
        <translation>bản gốc được tiêu thụ tại %1</translation>
    </message>
    <message>
        <source>original not freed yet</source>
        <translation>bản gốc chưa được giải phóng</translation>
    </message>
    <message>
        <source>DELIVERED: %1; a clone was delivered to a socket (journey %2)</source>
        <translation>ĐÃ CHUYỂN GIAO: %1; một bản sao đã được chuyển tới một socket (hành trình %2)</translation>
    </message>
    <message>
        <source>  no packet with that header</source>
        <translation>  không có gói nào có header đó</translation>
    </message>
    <message>
        <source>  no packet, events were lost</source>
        <translation>  không có gói, sự kiện đã bị mất</translation>
    </message>
    <message>
        <source>  header is not an IP packet</source>
        <translation>  header không phải gói IP</translation>
    </message>
    <message>
        <source>  out of order (walk start missing)</source>
        <translation>  sai thứ tự (thiếu bản ghi bắt đầu chuỗi)</translation>
    </message>
    <message>
        <source>  duplicate message</source>
        <translation>  thông điệp trùng lặp</translation>
    </message>
    <message>
        <source>Packets followed through NAT</source>
        <translation>Gói được theo dõi qua NAT</translation>
    </message>
    <message>
        <source>Trace id collisions (joined by header)</source>
        <translation>Trùng trace id (ghép theo header)</translation>
    </message>
    <message>
        <source>Events excluded (not packets)</source>
        <translation>Sự kiện loại trừ (không phải gói tin)</translation>
    </message>
    <message>
        <source>DROPPED by rule handle %1 ⟨%2⟩ in chain %3 (%4)</source>
        <extracomment>%1 the rule handle, %2 the rule in nft syntax (tcp dport 22 drop), %3 the chain, %4 the drop reason and where it happened.</extracomment>
        <translation>BỊ HỦY bởi luật handle %1 ⟨%2⟩ trong chuỗi %3 (%4)</translation>
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
        <translation>bảng %1 %2</translation>
    </message>
    <message>
        <source>chain %1</source>
        <translation>chuỗi %1</translation>
    </message>
    <message>
        <source>%1 hook %2 priority %3; policy %4</source>
        <translation>%1 hook %2 priority %3; policy %4</translation>
    </message>
    <message>
        <source>regular chain</source>
        <translation>chuỗi thường</translation>
    </message>
    <message numerus="yes">
        <source>%n chain(s)</source>
        <translation>
            <numerusform>%n chuỗi</numerusform>
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
        <translation>Gói đã trace</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
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
        <translation>Lọc luật…</translation>
    </message>
    <message>
        <source>Filter rules</source>
        <translation>Lọc luật</translation>
    </message>
    <message>
        <source>Ruleset</source>
        <translation>Ruleset</translation>
    </message>
    <message>
        <source>The ruleset saved in this trace could not be read.</source>
        <translation>Không đọc được ruleset lưu trong trace này.</translation>
    </message>
    <message>
        <source>The trace holds no nftables ruleset.</source>
        <translation>Trace này không chứa ruleset nftables nào.</translation>
    </message>
    <message>
        <source>Open a trace to see its nftables ruleset.</source>
        <translation>Hãy mở một trace để xem ruleset nftables của nó.</translation>
    </message>
</context>
<context>
    <name>nt::StartDialog</name>
    <message>
        <source>Start Trace</source>
        <translation>Bắt đầu trace</translation>
    </message>
    <message>
        <source>Traces packets through the kernel of this machine with the nft-tracer helper. You will be asked to authenticate.</source>
        <translation>Trace gói tin qua kernel của máy này bằng helper của nft-tracer. Bạn sẽ được yêu cầu xác thực.</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>Bộ &amp;lọc:</translation>
    </message>
    <message>
        <source>all packets (e.g. tcp port 443 or icmp)</source>
        <translation>mọi gói tin (ví dụ tcp port 443 or icmp)</translation>
    </message>
    <message>
        <source>&amp;Network namespace:</source>
        <translation>&amp;Network namespace:</translation>
    </message>
    <message>
        <source>A name under /run/netns (ip netns add NAME); empty: the helper&apos;s own</source>
        <translation>Một tên trong /run/netns (ip netns add NAME); để trống: namespace của chính helper</translation>
    </message>
    <message>
        <source>Trace &amp;nftables rule evaluation (adds a trace rule to the ruleset)</source>
        <translation>Trace quá trình xét luật nf&amp;tables (thêm một luật trace vào ruleset)</translation>
    </message>
    <message>
        <source>Stop after (&amp;seconds):</source>
        <translation>Dừng sau (&amp;giây):</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>không giới hạn</translation>
    </message>
    <message>
        <source>Stop after (&amp;packets):</source>
        <translation>Dừng sau (&amp;số gói):</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Bắt đầu</translation>
    </message>
    <message>
        <source>Name at least one kernel function.</source>
        <translation>Hãy nêu ít nhất một hàm kernel.</translation>
    </message>
    <message>
        <source>Choose a trace_config.json file.</source>
        <translation>Hãy chọn một tệp trace_config.json.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Không đọc được %1: %2</translation>
    </message>
    <message>
        <source>Kernel function configuration</source>
        <translation>Cấu hình hàm kernel</translation>
    </message>
    <message>
        <source>Function configurations (*.json);;All files (*)</source>
        <translation>Cấu hình hàm (*.json);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Only the kernel&apos;s networking tracepoints are traced (about 20 probes).</source>
        <translation>Chỉ trace các tracepoint mạng của kernel (khoảng 20 điểm đo).</translation>
    </message>
    <message>
        <source>%1 kernel functions on this kernel, besides the tracepoints.</source>
        <translation>%1 hàm kernel trên kernel này, ngoài các tracepoint.</translation>
    </message>
    <message>
        <source>How many functions this is on this kernel is unknown: %1</source>
        <translation>Chưa biết lựa chọn này gồm bao nhiêu hàm trên kernel này: %1</translation>
    </message>
    <message>
        <source>Asking the helper how many functions this is on this kernel…</source>
        <translation>Đang hỏi trình trợ giúp lựa chọn này gồm bao nhiêu hàm trên kernel này…</translation>
    </message>
    <message>
        <source>%1 kernel functions named; names this kernel lacks are skipped.</source>
        <translation>Đã nêu %1 hàm kernel; những tên kernel này không có sẽ được bỏ qua.</translation>
    </message>
    <message>
        <source>%1 enabled functions in the file; names this kernel lacks are skipped.</source>
        <translation>Tệp có %1 hàm được bật; những tên kernel này không có sẽ được bỏ qua.</translation>
    </message>
    <message>
        <source>%1 is unavailable: %2</source>
        <translation>%1 không khả dụng: %2</translation>
    </message>
    <message>
        <source>This kernel offers no way to trace kernel functions; the helper will refuse. Choose tracepoints only.</source>
        <translation>Kernel này không có cách nào để trace hàm kernel; trình trợ giúp sẽ từ chối. Hãy chọn chỉ tracepoint.</translation>
    </message>
    <message>
        <source>Which backends this kernel offers is unknown: %1</source>
        <translation>Chưa biết kernel này hỗ trợ những backend nào: %1</translation>
    </message>
    <message>
        <source>Kernel functions</source>
        <translation>Hàm kernel</translation>
    </message>
    <message>
        <source>&amp;Trace:</source>
        <translation>&amp;Trace:</translation>
    </message>
    <message>
        <source>Tracepoints only</source>
        <translation>Chỉ tracepoint</translation>
    </message>
    <message>
        <source>Kernel functions by layer and priority</source>
        <translation>Hàm kernel theo tầng và mức ưu tiên</translation>
    </message>
    <message>
        <source>A list of kernel functions</source>
        <translation>Một danh sách hàm kernel</translation>
    </message>
    <message>
        <source>A function configuration file (trace_config.json)</source>
        <translation>Một tệp cấu hình hàm (trace_config.json)</translation>
    </message>
    <message>
        <source>Besides the tracepoints, trace every kernel function that takes the packet (struct sk_buff), found in this kernel&apos;s BTF</source>
        <translation>Ngoài các tracepoint, trace mọi hàm kernel nhận gói tin (struct sk_buff), tìm thấy trong BTF của kernel này</translation>
    </message>
    <message>
        <source>La&amp;yers:</source>
        <translation>Tần&amp;g:</translation>
    </message>
    <message>
        <source>None checked: every layer</source>
        <translation>Không đánh dấu tầng nào: mọi tầng</translation>
    </message>
    <message>
        <source>&amp;Priority up to:</source>
        <translation>&amp;Mức ưu tiên tới:</translation>
    </message>
    <message>
        <source>0: critical (the main entry of each layer)</source>
        <translation>0: quan trọng nhất (điểm vào chính của mỗi tầng)</translation>
    </message>
    <message>
        <source>1: important</source>
        <translation>1: quan trọng</translation>
    </message>
    <message>
        <source>2: detail</source>
        <translation>2: chi tiết</translation>
    </message>
    <message>
        <source>3: verbose (everything)</source>
        <translation>3: rất chi tiết (tất cả)</translation>
    </message>
    <message>
        <source>At &amp;most:</source>
        <translation>Tối đ&amp;a:</translation>
    </message>
    <message>
        <source> functions</source>
        <translation> hàm</translation>
    </message>
    <message>
        <source>F&amp;unctions:</source>
        <translation>&amp;Hàm:</translation>
    </message>
    <message>
        <source>e.g. ip_rcv, ip_local_deliver, tcp_v4_rcv</source>
        <translation>ví dụ ip_rcv, ip_local_deliver, tcp_v4_rcv</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>Tệ&amp;p:</translation>
    </message>
    <message>
        <source>trace_config.json (from &apos;nft-tracer-cli discover --config&apos; or the earlier tracer)</source>
        <translation>trace_config.json (từ &apos;nft-tracer-cli discover --config&apos; hoặc công cụ trace trước đây)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Duyệt…</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend:</translation>
    </message>
    <message>
        <source>Automatic (the best this kernel offers)</source>
        <translation>Tự động (cách tốt nhất kernel này hỗ trợ)</translation>
    </message>
    <message>
        <source>kprobe.multi (fastest to attach)</source>
        <translation>kprobe.multi (gắn nhanh nhất)</translation>
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
        <translation>Tracepoint (không trace hàm kernel)</translation>
    </message>
</context>
<context>
    <name>nt::StatisticsView</name>
    <message>
        <source>Statistic</source>
        <translation>Thống kê</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Total events</source>
        <translation>Tổng số sự kiện</translation>
    </message>
    <message>
        <source>Packets (journeys)</source>
        <translation>Gói tin (hành trình)</translation>
    </message>
    <message>
        <source>Probes hit</source>
        <translation>Probe có sự kiện</translation>
    </message>
    <message>
        <source>nft chain walks</source>
        <translation>Lượt duyệt chuỗi nft</translation>
    </message>
    <message>
        <source>nft rule decisions</source>
        <translation>Quyết định của luật nft</translation>
    </message>
    <message>
        <source>Packets by fate</source>
        <translation>Gói tin theo kết cục</translation>
    </message>
    <message>
        <source>Packets by nftables verdict</source>
        <translation>Gói tin theo phán quyết nftables</translation>
    </message>
    <message>
        <source>Events by layer</source>
        <translation>Sự kiện theo tầng</translation>
    </message>
    <message>
        <source>nftables chains and rules</source>
        <translation>Chuỗi và luật nftables</translation>
    </message>
    <message>
        <source>Top drop reasons</source>
        <translation>Các lý do hủy gói nhiều nhất</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Mất mát</translation>
    </message>
    <message>
        <source>Events lost: ring buffer full</source>
        <translation>Sự kiện bị mất: ring buffer đầy</translation>
    </message>
    <message>
        <source>Packets not followed: tracking map full</source>
        <translation>Gói bị bỏ sót: map theo dõi đầy</translation>
    </message>
    <message>
        <source>nft trace messages lost</source>
        <translation>Thông điệp trace nft bị mất</translation>
    </message>
    <message>
        <source>nft records joined to no packet</source>
        <translation>Bản ghi nft không ghép được với gói nào</translation>
    </message>
    <message>
        <source>Packet headers never claimed</source>
        <translation>Header gói tin không thuộc sự kiện nào</translation>
    </message>
    <message>
        <source>Events skipped by the filter</source>
        <translation>Sự kiện bị bộ lọc bỏ qua</translation>
    </message>
    <message>
        <source>Events submitted by BPF</source>
        <translation>Sự kiện do BPF gửi lên</translation>
    </message>
    <message>
        <source>Events excluded: netlink/AF_UNIX messages, buffers without a protocol</source>
        <translation>Sự kiện bị loại trừ: thông điệp netlink/AF_UNIX, bộ đệm không có giao thức</translation>
    </message>
    <message>
        <source>Kernel functions hit</source>
        <translation>Số hàm kernel đã đi qua</translation>
    </message>
    <message>
        <source>Events by kernel function</source>
        <translation>Sự kiện theo hàm kernel</translation>
    </message>
    <message>
        <source>Events by tracepoint</source>
        <translation>Sự kiện theo tracepoint</translation>
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
        <translation>%1 chuỗi %2</translation>
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
        <translation>Swimlane hành trình</translation>
    </message>
    <message>
        <source>No journey shown</source>
        <translation>Không có hành trình nào được hiển thị</translation>
    </message>
    <message>
        <source>&amp;Align Journeys at Their Start</source>
        <translation>&amp;Căn các hành trình theo điểm bắt đầu</translation>
    </message>
    <message>
        <source>Show &amp;Empty Lanes</source>
        <translation>Hiện các làn &amp;trống</translation>
    </message>
    <message numerus="yes">
        <source>%n journey(s) over %1</source>
        <translation>
            <numerusform>%n hành trình trong %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;nft chain %1&lt;/b&gt;&lt;br&gt;policy: %2</source>
        <translation>&lt;b&gt;chuỗi nft %1&lt;/b&gt;&lt;br&gt;policy: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;nft rule #%1&lt;/b&gt; in %2&lt;br&gt;verdict: %3</source>
        <translation>&lt;b&gt;luật nft #%1&lt;/b&gt; trong %2&lt;br&gt;phán quyết: %3</translation>
    </message>
    <message>
        <source>&lt;br&gt;target: %1</source>
        <translation>&lt;br&gt;đích nhảy: %1</translation>
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
        <translation>hàm</translation>
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
        <translation>&lt;br&gt;&lt;b&gt;bị hủy:&lt;/b&gt; %1 tại %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;rc %1</source>
        <translation>&lt;br&gt;rc %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;layer: %1&lt;br&gt;time: +%2 (journey %3)</source>
        <translation>&lt;br&gt;tầng: %1&lt;br&gt;thời gian: +%2 (hành trình %3)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Phóng to</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Thu &amp;nhỏ</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>&amp;Vừa khung nhìn</translation>
    </message>
    <message>
        <source>Select one or more packets to see their journeys</source>
        <translation>Hãy chọn một hoặc nhiều gói tin để xem hành trình của chúng</translation>
    </message>
    <message>
        <source>Open a trace to see packet journeys</source>
        <translation>Hãy mở một trace để xem hành trình của gói tin</translation>
    </message>
    <message>
        <source>from start</source>
        <translation>từ lúc bắt đầu</translation>
    </message>
    <message>
        <source>from first</source>
        <translation>từ hành trình đầu</translation>
    </message>
    <message>
        <source>%1 of %2 journeys drawn</source>
        <translation>đã vẽ %1/%2 hành trình</translation>
    </message>
    <message numerus="yes">
        <source>%n journey(s)</source>
        <translation>
            <numerusform>%n hành trình</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;nft chain %1&lt;/b&gt;&lt;br&gt;chain verdict: %2</source>
        <translation>&lt;b&gt;nft chain %1&lt;/b&gt;&lt;br&gt;phán quyết của chain: %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;read from: %1 (%2)</source>
        <translation>&lt;br&gt;đọc từ: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>nt::TraceDocument</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation>không mở được %1: %2</translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation>không lưu được %1: %2</translation>
    </message>
    <message>
        <source>cannot save %1: %2; choose a folder you can write to</source>
        <translation>không lưu được %1: %2; hãy chọn một thư mục bạn có quyền ghi</translation>
    </message>
    <message numerus="yes">
        <source>The %n packet(s) read before the damage are shown; they may be incomplete.</source>
        <translation>
            <numerusform>%n gói tin đọc được trước chỗ hỏng được hiển thị; chúng có thể không đầy đủ.</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot export %1: the trace is still being read or recorded; export it once it is complete</source>
        <translation>không xuất được %1: trace vẫn đang được đọc hoặc ghi; hãy xuất khi nó đã hoàn tất</translation>
    </message>
    <message>
        <source>cannot create a temporary folder for the live trace: %1</source>
        <translation>không tạo được thư mục tạm cho bản ghi trực tiếp: %1</translation>
    </message>
    <message>
        <source>Showing the last %1 journeys; %2 older ones left memory and are in the saved trace</source>
        <translation>Đang hiển thị %1 hành trình gần nhất; %2 hành trình cũ hơn đã rời bộ nhớ và có trong bản ghi được lưu</translation>
    </message>
    <message>
        <source>cannot save %1: the live trace&apos;s older journeys were in a temporary file that could not be written (%2); only the newest journeys are in memory</source>
        <translation>không lưu được %1: các hành trình cũ hơn của bản ghi trực tiếp nằm trong một tệp tạm không ghi được (%2); trong bộ nhớ chỉ còn các hành trình mới nhất</translation>
    </message>
    <message>
        <source>cannot export %1: the oldest journeys of this live trace left memory; save it (File ▸ Save As), open the saved file and export that</source>
        <translation>không xuất được %1: các hành trình cũ nhất của bản ghi trực tiếp này đã rời bộ nhớ; hãy lưu nó (Tệp ▸ Lưu thành), mở tệp đã lưu và xuất tệp đó</translation>
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
    <message>
        <source>interface %1 has a name of %2 bytes</source>
        <translation>giao diện %1 có tên dài %2 byte</translation>
    </message>
    <message>
        <source>The folder %1 holds no .nftrace files.</source>
        <translation>Thư mục %1 không có tệp .nftrace nào.</translation>
    </message>
    <message>
        <source>%1 and %2 were recorded on different machines (%3, %4): open them one at a time.</source>
        <translation>%1 và %2 được ghi trên các máy khác nhau (%3, %4): hãy mở từng tệp một.</translation>
    </message>
    <message>
        <source>The trace file %1 is cut off: it has %2 of its %3 bytes, and the cut lies in its description (the meta table), so nothing in it can be read. If it was copied, copy it again.</source>
        <translation>Tệp trace %1 bị cắt cụt: chỉ còn %2 trên %3 byte, và chỗ cắt nằm trong phần mô tả của nó (bảng meta), nên không đọc được gì trong đó. Nếu tệp được sao chép, hãy sao chép lại.</translation>
    </message>
    <message>
        <source>kept %1 events in %2 complete event pages, %3 packet headers and %4 nft trace records</source>
        <translation>giữ được %1 sự kiện trong %2 trang sự kiện trọn vẹn, %3 tiêu đề gói tin và %4 bản ghi trace nft</translation>
    </message>
    <message>
        <source>The trace file %1 is cut off: it has %2 of its %3 bytes. Every record was read (%4); only its indexes are lost.</source>
        <translation>Tệp trace %1 bị cắt cụt: chỉ còn %2 trên %3 byte. Mọi bản ghi đều đã được đọc (%4); chỉ mất các chỉ mục của nó.</translation>
    </message>
    <message>
        <source>The trace file %1 is cut off: it has %2 of its %3 bytes. Read up to the cut: %4. Lost: the rows after the cut in the tables %5. If it was copied, copy it again.</source>
        <translation>Tệp trace %1 bị cắt cụt: chỉ còn %2 trên %3 byte. Đã đọc đến chỗ cắt: %4. Mất: các hàng sau chỗ cắt trong các bảng %5. Nếu tệp được sao chép, hãy sao chép lại.</translation>
    </message>
    <message>
        <source>The trace file %1 is cut off: it has %2 of its %3 bytes.</source>
        <translation>Tệp trace %1 bị cắt cụt: chỉ còn %2 trên %3 byte.</translation>
    </message>
    <message>
        <source>a page lies past the end of the file</source>
        <translation>một trang nằm sau cuối tệp</translation>
    </message>
    <message>
        <source>it has format %1, not %2</source>
        <translation>nó có định dạng %1, không phải %2</translation>
    </message>
    <message>
        <source>it refers to an address it does not list</source>
        <translation>nó tham chiếu tới một địa chỉ mà nó không liệt kê</translation>
    </message>
    <message>
        <source>it has %1 bytes after its last record</source>
        <translation>nó có %1 byte sau bản ghi cuối cùng</translation>
    </message>
    <message>
        <source>it ends in the middle of a value</source>
        <translation>nó kết thúc giữa một giá trị</translation>
    </message>
    <message>
        <source>it holds a number longer than 64 bits</source>
        <translation>nó chứa một số dài hơn 64 bit</translation>
    </message>
    <message>
        <source>it holds %1 %2, out of range</source>
        <translation>nó chứa %1 %2, ngoài phạm vi</translation>
    </message>
    <message>
        <source>it promises %1 %2, more than it can hold</source>
        <translation>nó báo có %1 %2, nhiều hơn mức nó có thể chứa</translation>
    </message>
    <message>
        <source>it says it unpacks to %1 bytes, more than %2</source>
        <translation>nó ghi rằng khi giải nén sẽ được %1 byte, nhiều hơn %2</translation>
    </message>
    <message>
        <source>it holds %1 bytes where it says %2</source>
        <translation>nó chứa %1 byte trong khi ghi là %2</translation>
    </message>
    <message>
        <source>it is packed in an unknown way (%1)</source>
        <translation>nó được nén theo một cách không rõ (%1)</translation>
    </message>
    <message>
        <source>its packed frame does not say the page&apos;s size</source>
        <translation>khung nén của nó không ghi kích thước của trang</translation>
    </message>
    <message>
        <source>it cannot be unpacked: %1</source>
        <translation>không thể giải nén nó: %1</translation>
    </message>
    <message>
        <source>it unpacks to %1 bytes where it says %2</source>
        <translation>giải nén được %1 byte trong khi nó ghi là %2</translation>
    </message>
    <message>
        <source>it refers to a %1 name it does not list</source>
        <translation>nó tham chiếu tới một tên %1 mà nó không liệt kê</translation>
    </message>
    <message>
        <source>it holds walk_start %1</source>
        <translation>nó chứa walk_start %1</translation>
    </message>
    <message>
        <source>packet header page %1</source>
        <translation>trang tiêu đề gói tin %1</translation>
    </message>
    <message>
        <source>nft record page %1</source>
        <translation>trang bản ghi nft %1</translation>
    </message>
    <message>
        <source>event page %1</source>
        <translation>trang sự kiện %1</translation>
    </message>
    <message>
        <source>%1 is not a blob</source>
        <translation>%1 không phải là blob</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 does not hold what its row says</source>
        <translation>%1 không chứa đúng những gì hàng của nó ghi</translation>
    </message>
    <message>
        <source>it holds a header of %1 bytes</source>
        <translation>nó chứa một tiêu đề dài %1 byte</translation>
    </message>
    <message>
        <source>it marks header bytes past the header&apos;s end</source>
        <translation>nó đánh dấu các byte tiêu đề nằm sau điểm kết thúc của tiêu đề</translation>
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
