// Names of the journey model's enums and small helpers on nft steps.
#include "journey.h"

#include <utility>

#include "event.h"

#include <QCoreApplication>

namespace nt {

const char *fateKey(Fate fate) {
    switch (fate) {
    case Fate::InFlight:
        return "in_flight";
    case Fate::Delivered:
        return "delivered";
    case Fate::Forwarded:
        return "forwarded";
    case Fate::Transmitted:
        return "transmitted";
    case Fate::Consumed:
        return "consumed";
    case Fate::DroppedByRule:
        return "dropped_by_rule";
    case Fate::Dropped:
        return "dropped";
    }
    return "unknown";
}

const char *fateLabel(Fate fate) {
    switch (fate) {
    case Fate::InFlight:
        return QT_TRANSLATE_NOOP("nt::Fate", "IN FLIGHT");
    case Fate::Delivered:
        return QT_TRANSLATE_NOOP("nt::Fate", "DELIVERED");
    case Fate::Forwarded:
        return QT_TRANSLATE_NOOP("nt::Fate", "FORWARDED");
    case Fate::Transmitted:
        return QT_TRANSLATE_NOOP("nt::Fate", "TRANSMITTED");
    case Fate::Consumed:
        return QT_TRANSLATE_NOOP("nt::Fate", "CONSUMED");
    case Fate::DroppedByRule:
        return QT_TRANSLATE_NOOP("nt::Fate", "DROPPED BY RULE");
    case Fate::Dropped:
        return QT_TRANSLATE_NOOP("nt::Fate", "DROPPED");
    }
    return "UNKNOWN";
}

QString fateDisplayLabel(Fate fate) {
    return QCoreApplication::translate("nt::Fate", fateLabel(fate));
}

const char *nftHookName(NftHook hook) {
    switch (hook) {
    case NftHook::Unknown:
        return "?";
    case NftHook::Ingress:
        return "ingress";
    case NftHook::Prerouting:
        return "prerouting";
    case NftHook::Input:
        return "input";
    case NftHook::Forward:
        return "forward";
    case NftHook::Output:
        return "output";
    case NftHook::Postrouting:
        return "postrouting";
    case NftHook::Egress:
        return "egress";
    }
    return "?";
}

int32_t effectiveVerdict(const NftStep &step) {
    if (step.type == static_cast<uint8_t>(NftTraceType::Policy) && step.verdict == verdict::None) {
        return step.policy;
    }
    return step.verdict;
}

std::string ctStateName(uint32_t state) {
    // NF_CT_STATE_INVALID_BIT 1, NF_CT_STATE_BIT(IP_CT_ESTABLISHED) 2, (IP_CT_RELATED) 4,
    // (IP_CT_NEW) 8, NF_CT_STATE_UNTRACKED_BIT 64.
    static constexpr std::pair<uint32_t, const char *> kNames[] = {
        {8, "new"}, {2, "established"}, {4, "related"}, {1, "invalid"}, {64, "untracked"}};
    std::string out;
    for (const auto &[bit, name] : kNames) {
        if (state & bit) {
            out += (out.empty() ? "" : ",") + std::string(name);
        }
    }
    return out;
}

std::string nfFamilyName(uint8_t family) {
    switch (family) {
    case 1:
        return "inet";
    case 2:
        return "ip";
    case 3:
        return "arp";
    case 5:
        return "netdev";
    case 7:
        return "bridge";
    case 10:
        return "ip6";
    default:
        return std::to_string(family);
    }
}

} // namespace nt
