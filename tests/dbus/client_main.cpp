// Test client of the helper: runs HelperClient as an unprivileged user and prints what it
// receives as lines the D-Bus tests parse ("STATE ...", "PACKET ...", "ERROR Kind message").
//
//   nt-dbus-test-client capabilities
//   nt-dbus-test-client ruleset NETNS
//   nt-dbus-test-client trace [--stop-after-ms N] [--stop-on-stdin] [--quiet] KEY:TYPE=VALUE...
//     TYPE: s (string), u (uint32), t (uint64), i (int32), b (true/false), d (double),
//     as (comma-separated strings). "stop" on stdin (or its end) stops the trace.
#include "helper_client.h"

#include <QCoreApplication>
#include <QMetaEnum>
#include <QSocketNotifier>
#include <QStringList>
#include <QTimer>

#include <arpa/inet.h>
#include <cstdio>
#include <unistd.h>

using nt::HelperClient;

namespace {

void out(const QString &line) {
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

QString oneLine(QString s) {
    return s.replace(QLatin1Char('\n'), QLatin1Char(' '));
}

template <typename E> QString enumName(E v) {
    return QString::fromLatin1(QMetaEnum::fromType<E>().valueToKey(static_cast<int>(v)));
}

// The packet's addresses, from the header bytes the BPF side captured.
QString describePacket(const nt::PacketHeader &p) {
    char src[INET6_ADDRSTRLEN] = "?", dst[INET6_ADDRSTRLEN] = "?";
    int proto = -1;
    if (p.protocol == 0x0800 && p.data.size() >= 20) {
        inet_ntop(AF_INET, p.data.data() + 12, src, sizeof src);
        inet_ntop(AF_INET, p.data.data() + 16, dst, sizeof dst);
        proto = p.data[9];
    } else if (p.protocol == 0x86dd && p.data.size() >= 40) {
        inet_ntop(AF_INET6, p.data.data() + 8, src, sizeof src);
        inet_ntop(AF_INET6, p.data.data() + 24, dst, sizeof dst);
        proto = p.data[6];
    }
    return QStringLiteral("PACKET proto=%1 src=%2 dst=%3 netns=%4")
        .arg(proto)
        .arg(QLatin1String(src), QLatin1String(dst))
        .arg(p.netns);
}

bool parseOption(const QString &arg, QVariantMap &options) {
    const qsizetype colon = arg.indexOf(QLatin1Char(':'));
    const qsizetype eq = arg.indexOf(QLatin1Char('='), colon);
    if (colon <= 0 || eq < 0) {
        return false;
    }
    const QString key = arg.left(colon), type = arg.mid(colon + 1, eq - colon - 1);
    const QString value = arg.mid(eq + 1);
    bool ok = true;
    if (type == QLatin1String("s")) {
        options.insert(key, value);
    } else if (type == QLatin1String("u")) {
        options.insert(key, QVariant::fromValue(value.toUInt(&ok)));
    } else if (type == QLatin1String("t")) {
        options.insert(key, QVariant::fromValue(value.toULongLong(&ok)));
    } else if (type == QLatin1String("i")) {
        options.insert(key, QVariant::fromValue(value.toInt(&ok)));
    } else if (type == QLatin1String("d")) {
        options.insert(key, QVariant::fromValue(value.toDouble(&ok)));
    } else if (type == QLatin1String("b")) {
        options.insert(key, value == QLatin1String("true"));
    } else if (type == QLatin1String("as")) {
        options.insert(key, value.split(QLatin1Char(',')));
    } else {
        return false;
    }
    return ok;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty()) {
        out(QStringLiteral("USAGE capabilities | ruleset NETNS | trace [options] KEY:TYPE=VALUE"));
        return 64;
    }
    HelperClient client;
    QObject::connect(&client, &HelperClient::errorOccurred, &app,
                     [&](HelperClient::ErrorKind kind, const QString &message) {
                         out(QStringLiteral("ERROR %1 %2").arg(enumName(kind), oneLine(message)));
                         app.exit(3);
                     });
    const QString cmd = args.first();
    if (cmd == QLatin1String("capabilities")) {
        QObject::connect(
            &client, &HelperClient::capabilitiesReceived, &app, [&](const QVariantMap &caps) {
                for (auto it = caps.begin(); it != caps.end(); ++it) {
                    const QVariant v = it.value();
                    QString text;
                    if (v.metaType() == QMetaType::fromType<QVariantMap>()) {
                        const QVariantMap m = v.toMap();
                        QStringList entries;
                        for (auto e = m.begin(); e != m.end(); ++e) {
                            entries << e.key() + QLatin1Char(':') + oneLine(e.value().toString());
                        }
                        text = entries.join(QLatin1Char(';'));
                    } else {
                        text = v.canConvert<QStringList>() ? v.toStringList().join(QLatin1Char(','))
                                                           : v.toString();
                    }
                    out(QStringLiteral("CAP %1=%2").arg(it.key(), text));
                }
                app.exit(0);
            });
        client.capabilities();
        return app.exec();
    }
    if (cmd == QLatin1String("ruleset") && args.size() == 2) {
        QObject::connect(&client, &HelperClient::rulesetReceived, &app,
                         [&](const QString &netns, const QString &json) {
                             out(QStringLiteral("RULESET netns=%1 bytes=%2 json=%3")
                                     .arg(netns)
                                     .arg(json.size())
                                     .arg(oneLine(json).left(2000)));
                             app.exit(0);
                         });
        client.readRuleset(args.at(1));
        return app.exec();
    }
    if (cmd != QLatin1String("trace")) {
        out(QStringLiteral("USAGE unknown command"));
        return 64;
    }

    QVariantMap options;
    int stopAfterMs = -1;
    bool stopOnStdin = false, quiet = false;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--stop-after-ms") && i + 1 < args.size()) {
            stopAfterMs = args.at(++i).toInt();
        } else if (a == QLatin1String("--stop-on-stdin")) {
            stopOnStdin = true;
        } else if (a == QLatin1String("--quiet")) {
            quiet = true;
        } else if (!parseOption(a, options)) {
            out(QStringLiteral("USAGE bad option ") + a);
            return 64;
        }
    }

    uint64_t events = 0, packets = 0, nft = 0, frames = 0;
    QObject::connect(&client, &HelperClient::stateChanged, &app,
                     [&](HelperClient::State s, const QString &message) {
                         out(QStringLiteral("STATE %1 %2").arg(enumName(s), oneLine(message)));
                         if (s == HelperClient::State::Running && stopAfterMs >= 0) {
                             QTimer::singleShot(stopAfterMs, &client, &HelperClient::stopTrace);
                         }
                     });
    QObject::connect(&client, &HelperClient::headerReceived, &app, [&](const nt::Trace &h) {
        int attached = 0;
        for (const nt::ProbeDesc &p : h.probes) {
            attached += p.attached ? 1 : 0;
        }
        out(QStringLiteral("HEADER backend=%1 netns=%2 filter=%3 probes=%4 attached=%5 "
                           "dropreasons=%6 ruleset=%7")
                .arg(QString::fromStdString(h.meta.backend), QString::fromStdString(h.meta.netns),
                     QString::fromStdString(h.meta.filter))
                .arg(h.probes.size())
                .arg(attached)
                .arg(h.dropReasons.size())
                .arg(h.rulesetJson.size()));
    });
    QObject::connect(&client, &HelperClient::recordsReceived, &app,
                     [&](const nt::RecordBatch &b, const std::vector<nt::NftTraceRecord> &n,
                         const std::vector<nt::KernelSymbol> &) {
                         events += b.events.size();
                         packets += b.packets.size();
                         nft += n.size();
                         ++frames;
                         if (quiet) {
                             return;
                         }
                         for (const nt::PacketHeader &p : b.packets) {
                             out(describePacket(p));
                         }
                         for (const nt::NftTraceRecord &r : n) {
                             out(QStringLiteral("NFT table=%1 chain=%2 verdict=%3")
                                     .arg(QString::fromStdString(r.table),
                                          QString::fromStdString(r.chain),
                                          QString::fromStdString(nt::verdictName(r.verdict))));
                         }
                     });
    QObject::connect(&client, &HelperClient::countersChanged, &app,
                     [&](const nt::stream::CountersFrame &c) {
                         out(QStringLiteral("COUNTERS bpf_events=%1 ringbuf_full=%2 "
                                            "stream_dropped_events=%3 events_per_second=%4")
                                 .arg(c.loss.bpfEvents)
                                 .arg(c.loss.ringbufFull)
                                 .arg(c.streamDroppedEvents)
                                 .arg(c.eventsPerSecond, 0, 'f', 1));
                     });
    QObject::connect(&client, &HelperClient::finished, &app, [&](const nt::TraceMeta &m) {
        out(QStringLiteral("FINISHED events=%1 packets=%2 nft=%3 frames=%4 bpf_events=%5 "
                           "ringbuf_full=%6 duration_ns=%7")
                .arg(events)
                .arg(packets)
                .arg(nft)
                .arg(frames)
                .arg(m.loss.bpfEvents)
                .arg(m.loss.ringbufFull)
                .arg(m.stopMonoNs - m.startMonoNs));
        app.exit(0);
    });

    std::unique_ptr<QSocketNotifier> stdinNotifier;
    if (stopOnStdin) {
        stdinNotifier = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
        QObject::connect(stdinNotifier.get(), &QSocketNotifier::activated, &app, [&]() {
            char buf[256];
            const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
            if (n <= 0 || QByteArray(buf, static_cast<int>(n)).contains("stop")) {
                stdinNotifier->setEnabled(false);
                client.stopTrace();
            }
        });
    }
    client.startTrace(options);
    return app.exec();
}
