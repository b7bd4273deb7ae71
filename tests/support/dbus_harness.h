// A private system bus for the D-Bus tests: its own dbus-daemon (activation file pointing at the
// built helper, the packaging/ bus policy), polkitd on it with the packaging/ actions and a rule
// allowing one test user, and client processes run as unprivileged users.
//
// It exercises the build tree alone, whatever nft-tracer or polkit files are installed: the bus
// reads only its own configuration, and polkitd runs in a mount namespace of its own where the
// actions and rules directories hold just the packaged actions and the test rule. Nothing is
// written outside a temporary directory. The programs the test users run are copied there
// (mode 0755), because the build tree may sit in a home folder other users cannot enter.
#pragma once

#include "require.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <grp.h>
#include <optional>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace nt::test {

namespace fs = std::filesystem;

constexpr const char *kAllowUser = "nt-test-allow";
constexpr const char *kDenyUser = "nt-test-deny";
constexpr const char *kPolkitd = "/usr/lib/polkit-1/polkitd";
// Where polkitd looks for actions and rules; in its namespace, each shows our directory instead.
constexpr const char *kPolkitActionsDirs[] = {"/usr/share/polkit-1/actions",
                                              "/etc/polkit-1/actions"};
constexpr const char *kPolkitRulesDirs[] = {"/etc/polkit-1/rules.d", "/usr/share/polkit-1/rules.d",
                                            "/usr/local/share/polkit-1/rules.d",
                                            "/run/polkit-1/rules.d"};
constexpr const char *kHelperName = "io.github.nfttracer.Helper";

inline std::string readFile(const fs::path &p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

inline bool writeFile(const fs::path &p, const std::string &content, mode_t mode = 0644) {
    {
        std::ofstream f(p, std::ios::binary | std::ios::trunc);
        if (!f) {
            return false;
        }
        f << content;
        if (!f) {
            return false;
        }
    }
    return ::chmod(p.c_str(), mode) == 0;
}

// The packaging/ file whose name ends with `suffix` and whose text contains `needle`.
inline std::optional<fs::path> findPackagingFile(const std::string &suffix,
                                                 const std::string &needle) {
    const fs::path dir = fs::path(NT_SOURCE_DIR) / "packaging";
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (it->is_regular_file() && name.size() >= suffix.size() &&
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
            readFile(it->path()).find(needle) != std::string::npos) {
            return it->path();
        }
    }
    return std::nullopt;
}
inline std::optional<fs::path> activationFile() {
    // A template configured at build time (Exec= is rewritten anyway), or a plain file.
    if (auto f = findPackagingFile(".service.in", "[D-BUS Service]")) {
        return f;
    }
    return findPackagingFile(".service", "[D-BUS Service]");
}
inline std::optional<fs::path> busPolicyFile() {
    return findPackagingFile(".conf", kHelperName);
}
inline std::optional<fs::path> polkitPolicyFile() {
    return findPackagingFile(".policy", "io.github.nfttracer.trace");
}

// Empty when the D-Bus tests can run here, else why not.
inline std::string missingDbusSetup() {
    if (std::string r = missingRoot(); !r.empty()) {
        return r;
    }
    if (::access("/usr/bin/dbus-daemon", X_OK) != 0) {
        return "dbus-daemon is not installed (apt-get install dbus)";
    }
    if (::access(kPolkitd, X_OK) != 0) {
        return "polkitd is not installed (apt-get install polkitd)";
    }
    if (::access("/usr/bin/dbus-send", X_OK) != 0) {
        return "dbus-send is not installed (apt-get install dbus)";
    }
    if (::access("/usr/bin/unshare", X_OK) != 0) {
        return "unshare is not installed (apt-get install util-linux)";
    }
#ifndef NT_HELPER_PATH
    return "the helper (target nft-tracer-helper) is not part of this build";
#else
    if (::access(NT_HELPER_PATH, X_OK) != 0) {
        return std::string("the helper is not built: ") + NT_HELPER_PATH;
    }
#endif
    if (!activationFile()) {
        return "packaging/ has no D-Bus activation file ([D-BUS Service]) for the helper";
    }
    if (!busPolicyFile()) {
        return "packaging/ has no D-Bus bus policy (.conf) for the helper";
    }
    if (!polkitPolicyFile()) {
        return "packaging/ has no polkit .policy with io.github.nfttracer.trace";
    }
    return {};
}

inline bool ensureUser(const char *name, std::string *error) {
    if (::getpwnam(name) != nullptr) {
        return true;
    }
    const CommandResult r = runCommand(std::string("useradd -r -M -d /nonexistent -s "
                                                   "/usr/sbin/nologin ") +
                                       name);
    if (r.status != 0 && ::getpwnam(name) == nullptr) {
        *error = "useradd " + std::string(name) + ": " + r.output;
        return false;
    }
    return true;
}

// Whether `user` may execute `path` (every directory on the way searchable, the file executable).
inline bool userCanExecute(const char *user, const fs::path &path) {
    const passwd *pw = ::getpwnam(user);
    if (pw == nullptr) {
        return false;
    }
    const uid_t uid = pw->pw_uid;
    const gid_t gid = pw->pw_gid;
    const pid_t pid = ::fork();
    if (pid < 0) {
        return false;
    }
    if (pid == 0) {
        if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0) {
            ::_exit(2);
        }
        ::_exit(::access(path.c_str(), X_OK) == 0 ? 0 : 1);
    }
    int status = 0;
    return ::waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// A child process with stdin, stdout (lines) and stderr; killed if still running when destroyed.
class Child {
public:
    Child() = default;
    Child(const Child &) = delete;
    Child &operator=(const Child &) = delete;
    ~Child() {
        if (pid_ > 0 && !exited_) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, &status_, 0);
        }
        for (int fd : {in_, out_, err_}) {
            if (fd >= 0) {
                ::close(fd);
            }
        }
    }

    // Forks; in the child, `setup` runs (drop privileges) before exec of argv with `env` added.
    bool start(const std::vector<std::string> &argv, const std::vector<std::string> &env,
               uid_t uid = 0, gid_t gid = 0) {
        int inPipe[2], outPipe[2], errPipe[2];
        if (::pipe2(inPipe, O_CLOEXEC) != 0 || ::pipe2(outPipe, O_CLOEXEC) != 0 ||
            ::pipe2(errPipe, O_CLOEXEC) != 0) {
            return false;
        }
        // Prepared before fork: only async-signal-safe calls in the child.
        std::vector<char *> args, envp;
        for (const std::string &a : argv) {
            args.push_back(const_cast<char *>(a.c_str()));
        }
        args.push_back(nullptr);
        std::vector<std::string> envStore;
        for (char **e = environ; *e != nullptr; ++e) {
            const std::string v = *e;
            bool overridden = false;
            for (const std::string &n : env) {
                overridden |= v.substr(0, v.find('=') + 1) == n.substr(0, n.find('=') + 1);
            }
            if (!overridden) {
                envStore.push_back(v);
            }
        }
        envStore.insert(envStore.end(), env.begin(), env.end());
        for (std::string &e : envStore) {
            envp.push_back(e.data());
        }
        envp.push_back(nullptr);
        pid_ = ::fork();
        if (pid_ < 0) {
            return false;
        }
        if (pid_ == 0) {
            ::dup2(inPipe[0], 0);
            ::dup2(outPipe[1], 1);
            ::dup2(errPipe[1], 2);
            if (uid != 0) {
                if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0) {
                    ::_exit(126);
                }
            }
            ::execve(args[0], args.data(), envp.data());
            ::_exit(127);
        }
        ::close(inPipe[0]);
        ::close(outPipe[1]);
        ::close(errPipe[1]);
        in_ = inPipe[1];
        out_ = outPipe[0];
        err_ = errPipe[0];
        ::fcntl(out_, F_SETFL, O_NONBLOCK);
        ::fcntl(err_, F_SETFL, O_NONBLOCK);
        return true;
    }

    pid_t pid() const { return pid_; }
    void write(const std::string &s) {
        if (in_ >= 0) {
            [[maybe_unused]] ssize_t n = ::write(in_, s.data(), s.size());
        }
    }
    void closeStdin() {
        if (in_ >= 0) {
            ::close(in_);
            in_ = -1;
        }
    }
    void signal(int sig) {
        if (pid_ > 0 && !exited_) {
            ::kill(pid_, sig);
        }
    }

    // Waits until a stdout line starts with `prefix`; returns it (nullopt on timeout or exit).
    std::optional<std::string> waitForLine(const std::string &prefix, int ms) {
        const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        for (;;) {
            if (auto l = findLine(prefix)) {
                return l;
            }
            if (exited_ || std::chrono::steady_clock::now() >= end) {
                pump(0);
                return findLine(prefix);
            }
            pump(50);
            reap();
        }
    }

    // Waits until `done(*this)` holds for what the child printed so far; false on timeout, or
    // when it exited without `done` holding.
    template <class Pred> bool waitUntil(Pred done, int ms) {
        const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        for (;;) {
            if (done(*this)) {
                return true;
            }
            if (exited_ || std::chrono::steady_clock::now() >= end) {
                pump(0);
                return done(*this);
            }
            pump(50);
            reap();
        }
    }

    // Exit code, or -signal; kills after `ms`.
    int wait(int ms = 30000) {
        if (pid_ <= 0) {
            return -1;
        }
        const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        while (!exited_ && std::chrono::steady_clock::now() < end) {
            pump(50);
            reap();
        }
        if (!exited_) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, &status_, 0);
            exited_ = true;
        }
        pump(0);
        return WIFEXITED(status_) ? WEXITSTATUS(status_) : -WTERMSIG(status_);
    }
    bool exited() {
        reap();
        return exited_;
    }

    std::vector<std::string> lines(const std::string &prefix) const {
        std::vector<std::string> r;
        std::istringstream s(out_text_);
        for (std::string l; std::getline(s, l);) {
            if (l.rfind(prefix, 0) == 0) {
                r.push_back(l);
            }
        }
        return r;
    }
    const std::string &out() const { return out_text_; }
    const std::string &err() const { return err_text_; }

private:
    std::optional<std::string> findLine(const std::string &prefix) const {
        std::istringstream s(out_text_);
        for (std::string l; std::getline(s, l);) {
            if (l.rfind(prefix, 0) == 0) {
                return l;
            }
        }
        return std::nullopt;
    }
    void reap() {
        if (!exited_ && pid_ > 0 && ::waitpid(pid_, &status_, WNOHANG) == pid_) {
            exited_ = true;
        }
    }
    void pump(int ms) {
        pollfd p[2] = {{out_, POLLIN, 0}, {err_, POLLIN, 0}};
        ::poll(p, 2, ms);
        char buf[65536];
        ssize_t n = 0;
        while (out_ >= 0 && (n = ::read(out_, buf, sizeof buf)) > 0) {
            out_text_.append(buf, static_cast<size_t>(n));
        }
        while (err_ >= 0 && (n = ::read(err_, buf, sizeof buf)) > 0) {
            err_text_.append(buf, static_cast<size_t>(n));
        }
    }

    pid_t pid_ = -1;
    int in_ = -1, out_ = -1, err_ = -1;
    int status_ = 0;
    bool exited_ = false;
    std::string out_text_, err_text_;
};

// The private bus, polkitd and the installed polkit files; everything removed when destroyed.
class DbusHarness {
public:
    DbusHarness() = default;
    DbusHarness(const DbusHarness &) = delete;
    DbusHarness &operator=(const DbusHarness &) = delete;
    ~DbusHarness() { stop(); }

    // Sets everything up; on failure returns why (and leaves nothing behind).
    std::string start() {
        std::string error;
        if (!ensureUser(kAllowUser, &error) || !ensureUser(kDenyUser, &error)) {
            return error;
        }
        char tmpl[] = "/tmp/nt-dbus-XXXXXX";
        if (::mkdtemp(tmpl) == nullptr) {
            return std::string("mkdtemp: ") + std::strerror(errno);
        }
        dir_ = tmpl;
        // The test users connect to the socket and run the staged programs inside; polkitd
        // (its own user) reads the actions and rules.
        for (const fs::path &d :
             {dir_, dir_ / "services", dir_ / "bin", dir_ / "polkit", dir_ / "polkit" / "actions",
              dir_ / "polkit" / "rules.d", dir_ / "polkit" / "none"}) {
            std::error_code ec;
            fs::create_directories(d, ec);
            if (ec || ::chmod(d.c_str(), 0755) != 0) {
                const std::string why = "cannot create " + d.string();
                stop();
                return why;
            }
        }
        if (std::string why = stageProgram(NT_DBUS_CLIENT_PATH, &client_); !why.empty()) {
            stop();
            return why;
        }
        socket_ = dir_ / "system_bus_socket";
        address_ = "unix:path=" + socket_.string();

        // Activation file: the packaged one with Exec= pointing at the built helper.
        std::string service = readFile(*activationFile()), rewritten;
        std::istringstream lines(service);
        for (std::string l; std::getline(lines, l);) {
            if (l.rfind("Exec=", 0) == 0) {
                const size_t space = l.find(' ');
                l = std::string("Exec=") + NT_HELPER_PATH_OR_EMPTY() +
                    (space == std::string::npos ? "" : l.substr(space));
            } else if (l.rfind("SystemdService=", 0) == 0) {
                continue; // no systemd on this bus: the daemon starts Exec= itself
            }
            rewritten += l + "\n";
        }
        writeFile(dir_ / "services" / "io.github.nfttracer.Helper.service", rewritten);
        writeFile(dir_ / "helper-bus-policy.conf", readFile(*busPolicyFile()));

        const std::string config =
            R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>)" +
            address_ +
            R"(</listen>
  <auth>EXTERNAL</auth>
  <servicedir>)" +
            (dir_ / "services").string() +
            R"(</servicedir>
  <policy context="default">
    <allow user="*"/>
    <deny own="*"/>
    <deny send_type="method_call"/>
    <allow send_type="signal"/>
    <allow send_requested_reply="true" send_type="method_return"/>
    <allow send_requested_reply="true" send_type="error"/>
    <allow receive_type="method_call"/>
    <allow receive_type="method_return"/>
    <allow receive_type="error"/>
    <allow receive_type="signal"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"/>
    <allow send_destination="org.freedesktop.DBus"
           send_interface="org.freedesktop.DBus.Introspectable"/>
    <allow send_destination="org.freedesktop.DBus"
           send_interface="org.freedesktop.DBus.Properties"/>
    <deny send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"
          send_member="UpdateActivationEnvironment"/>
  </policy>
  <!-- polkitd owns its name (as root, or as the polkitd user it may switch to). -->
  <policy user="root">
    <allow own="org.freedesktop.PolicyKit1"/>
  </policy>
  <policy user="polkitd">
    <allow own="org.freedesktop.PolicyKit1"/>
    <allow send_interface="org.freedesktop.PolicyKit1.AuthenticationAgent"/>
  </policy>
  <policy context="default">
    <allow send_destination="org.freedesktop.PolicyKit1"/>
  </policy>
  <include>)" +
            (dir_ / "helper-bus-policy.conf").string() +
            R"(</include>
</busconfig>
)";
        writeFile(dir_ / "bus.conf", config);

        // polkit: the packaged actions and a rule for our users, in directories of our own.
        const fs::path policy = *polkitPolicyFile();
        const std::string rule = std::string(R"(// nft-tracer D-Bus tests
polkit.addRule(function(action, subject) {
    if (action.id.indexOf("io.github.nfttracer.") == 0) {
        if (subject.user == ")") +
                                 kAllowUser + R"(") return polkit.Result.YES;
        if (subject.user == ")" + kDenyUser +
                                 R"(") return polkit.Result.NO;
    }
});
)";
        if (!writeFile(dir_ / "polkit" / "actions" / policy.filename(), readFile(policy)) ||
            !writeFile(dir_ / "polkit" / "rules.d" / "00-nt-test.rules", rule)) {
            stop();
            return "cannot write the polkit actions and rule into " + (dir_ / "polkit").string();
        }

        const std::vector<std::string> env = {"DBUS_SYSTEM_BUS_ADDRESS=" + address_,
                                              "NFT_TRACER_DEBUG="};
        if (!bus_.start({"/usr/bin/dbus-daemon", "--config-file=" + (dir_ / "bus.conf").string(),
                         "--nofork", "--nopidfile", "--print-address=1"},
                        env) ||
            !bus_.waitForLine("unix:", 10000)) {
            const std::string why = "dbus-daemon did not start: " + bus_.err();
            stop();
            return why;
        }
        if (!polkit_.start({"/usr/bin/unshare", "--mount", "--propagation", "private", "/bin/sh",
                            "-ec", polkitdInOwnMounts()},
                           env) ||
            !waitForName("org.freedesktop.PolicyKit1", 15000)) {
            const std::string why = "polkitd did not start on the private bus: " + polkit_.err();
            stop();
            return why;
        }
        return {};
    }

    void stop() {
        stopHelper();
        polkit_.signal(SIGTERM);
        polkit_.wait(5000);
        bus_.signal(SIGTERM);
        bus_.wait(5000);
        std::error_code ec;
        if (!dir_.empty()) {
            fs::remove_all(dir_, ec);
            dir_.clear();
        }
    }

    const std::string &address() const { return address_; }

    // A copy of the built program `path` that the test users can run (in this harness's
    // directory); empty, with `*error` set, when they could not.
    std::string stagedProgram(const std::string &path, std::string *error) const {
        fs::path staged;
        *error = stageProgram(path, &staged);
        return error->empty() ? staged.string() : std::string();
    }

    // Replaces the helper's activation file (nullopt removes it: "not installed") and makes the
    // bus read its service directory again. Empty when done, else why not.
    std::string setActivationFile(const std::optional<std::string> &content) {
        const fs::path file = dir_ / "services" / "io.github.nfttracer.Helper.service";
        std::error_code ec;
        if (!content) {
            fs::remove(file, ec);
        } else if (!writeFile(file, *content)) {
            return "cannot write " + file.string();
        }
        if (ec) {
            return "cannot remove " + file.string() + ": " + ec.message();
        }
        const CommandResult r = runCommand("DBUS_SYSTEM_BUS_ADDRESS=" + address_ +
                                           " dbus-send --system --print-reply "
                                           "--dest=org.freedesktop.DBus /org/freedesktop/DBus "
                                           "org.freedesktop.DBus.ReloadConfig");
        return r.status == 0 ? std::string() : "ReloadConfig failed: " + r.output;
    }

    // Asks the bus to start the helper as root: the bus's own answer (error name or reply).
    std::string startHelperByName() const {
        return runCommand("DBUS_SYSTEM_BUS_ADDRESS=" + address_ +
                          " dbus-send --system --print-reply --dest=org.freedesktop.DBus "
                          "/org/freedesktop/DBus org.freedesktop.DBus.StartServiceByName "
                          "string:" +
                          std::string(kHelperName) + " uint32:0")
            .output;
    }
    std::string busEnv() const { return "DBUS_SYSTEM_BUS_ADDRESS=" + address_; }

    // dbus-send on the private bus as root; returns its output (empty on failure).
    std::string busCall(const std::string &args) const {
        const CommandResult r =
            runCommand("DBUS_SYSTEM_BUS_ADDRESS=" + address_ + " dbus-send --system " + args);
        return r.status == 0 ? r.output : std::string();
    }

    bool nameHasOwner(const std::string &name) const {
        return busCall("--print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus "
                       "org.freedesktop.DBus.NameHasOwner string:" +
                       name)
                   .find("boolean true") != std::string::npos;
    }
    bool waitForName(const std::string &name, int ms) const {
        const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        while (std::chrono::steady_clock::now() < end) {
            if (nameHasOwner(name)) {
                return true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }

    // The helper's pid, when it runs on this bus (it was activated by the bus: our descendant).
    pid_t helperPid() const {
        const std::string r = busCall("--print-reply --dest=org.freedesktop.DBus "
                                      "/org/freedesktop/DBus "
                                      "org.freedesktop.DBus.GetConnectionUnixProcessID string:" +
                                      std::string(kHelperName));
        const size_t at = r.find("uint32 ");
        return at == std::string::npos ? 0 : static_cast<pid_t>(std::atoi(r.c_str() + at + 7));
    }

    // Stops the helper the bus started (SIGTERM; it cleans up), so each test starts afresh.
    void stopHelper() {
        const pid_t pid = helperPid();
        if (pid <= 0) {
            return;
        }
        ::kill(pid, SIGTERM);
        for (int i = 0; i < 100 && ::kill(pid, 0) == 0; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        if (::kill(pid, 0) == 0) {
            ::kill(pid, SIGKILL);
        }
        // The bus reaps the children it started.
        for (int i = 0; i < 100 && nameHasOwner(kHelperName); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }

    // Runs the test client as `user` on the private bus.
    bool runClient(Child &child, const char *user, const std::vector<std::string> &args) const {
        const passwd *pw = ::getpwnam(user);
        if (pw == nullptr) {
            return false;
        }
        std::vector<std::string> argv = {client_.string()};
        argv.insert(argv.end(), args.begin(), args.end());
        return child.start(argv,
                           {busEnv(), "HOME=/tmp", "XDG_RUNTIME_DIR=", "LANG=C.UTF-8",
                            "LANGUAGE=", "DBUS_SESSION_BUS_ADDRESS="},
                           pw->pw_uid, pw->pw_gid);
    }

private:
    // Copies `path` to bin/ (0755) and checks that the test users may run the copy there.
    std::string stageProgram(const std::string &path, fs::path *staged) const {
        const fs::path to = dir_ / "bin" / fs::path(path).filename();
        std::error_code ec;
        fs::copy_file(path, to, fs::copy_options::overwrite_existing, ec);
        if (ec || ::chmod(to.c_str(), 0755) != 0) {
            return "cannot copy " + path + " to " + to.string() +
                   " for the test users: " + ec.message();
        }
        if (!userCanExecute(kAllowUser, to) || !userCanExecute(kDenyUser, to)) {
            return "the test users (" + std::string(kAllowUser) + ", " + kDenyUser +
                   ") cannot run " + to.string() +
                   ": every directory on that path must be searchable by all (mode 0755)";
        }
        *staged = to;
        return {};
    }

    // The shell script that shows our actions and rules directories over polkitd's (in the
    // mount namespace of its own that `unshare` made), then becomes polkitd.
    std::string polkitdInOwnMounts() const {
        std::string script;
        const auto bindOver = [&](const fs::path &ours, const char *theirs) {
            script += "if [ -d '" + std::string(theirs) + "' ]; then mount --bind '" +
                      ours.string() + "' '" + theirs + "'; fi\n";
        };
        for (const char *d : kPolkitActionsDirs) {
            bindOver(dir_ / "polkit" / "actions", d);
        }
        // The test rule once; every other rules directory empty.
        for (const char *d : kPolkitRulesDirs) {
            bindOver(d == kPolkitRulesDirs[0] ? dir_ / "polkit" / "rules.d"
                                              : dir_ / "polkit" / "none",
                     d);
        }
        return script + "exec " + kPolkitd + " --no-debug\n";
    }

    static const char *NT_HELPER_PATH_OR_EMPTY() {
#ifdef NT_HELPER_PATH
        return NT_HELPER_PATH;
#else
        return "";
#endif
    }

    fs::path dir_, socket_, client_;
    std::string address_;
    Child bus_, polkit_;
};

// Descriptors of BPF programs and links a process holds (what its probes are).
inline int bpfObjectsHeldBy(pid_t pid) {
    if (pid <= 0) {
        return 0;
    }
    int n = 0;
    const std::string dir = "/proc/" + std::to_string(pid) + "/fd";
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        const std::string target = fs::read_symlink(it->path(), ec).string();
        if (target.find("bpf-prog") != std::string::npos ||
            target.find("bpf-link") != std::string::npos) {
            ++n;
        }
    }
    return n;
}

} // namespace nt::test
