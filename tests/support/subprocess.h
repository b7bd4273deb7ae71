// A child process with its stdout and stderr captured, for end-to-end tests of the CLI.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

namespace nt::test {

class Subprocess {
public:
    explicit Subprocess(const std::vector<std::string> &argv) {
        int outPipe[2], errPipe[2];
        if (pipe2(outPipe, O_CLOEXEC) != 0 || pipe2(errPipe, O_CLOEXEC) != 0) {
            return;
        }
        pid_ = fork();
        if (pid_ == 0) {
            dup2(outPipe[1], 1);
            dup2(errPipe[1], 2);
            std::vector<char *> args;
            for (const std::string &a : argv) {
                args.push_back(const_cast<char *>(a.c_str()));
            }
            args.push_back(nullptr);
            execv(args[0], args.data());
            _exit(127);
        }
        close(outPipe[1]);
        close(errPipe[1]);
        out_ = outPipe[0];
        err_ = errPipe[0];
        fcntl(out_, F_SETFL, O_NONBLOCK);
        fcntl(err_, F_SETFL, O_NONBLOCK);
    }
    ~Subprocess() {
        if (pid_ > 0 && !exited_) {
            kill(pid_, SIGKILL);
            wait();
        }
        if (out_ >= 0) {
            close(out_);
        }
        if (err_ >= 0) {
            close(err_);
        }
    }
    Subprocess(const Subprocess &) = delete;
    Subprocess &operator=(const Subprocess &) = delete;

    pid_t pid() const { return pid_; }

    // Reads what is available for up to `ms`; true once `needle` appeared on stderr.
    bool waitForStderr(const std::string &needle, int ms) {
        const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        while (std::chrono::steady_clock::now() < end) {
            pump(50);
            if (stderr_.find(needle) != std::string::npos) {
                return true;
            }
            if (exitedNow()) {
                pump(0);
                return stderr_.find(needle) != std::string::npos;
            }
        }
        return false;
    }

    void signal(int sig) { kill(pid_, sig); }

    // Waits for the exit (reading output meanwhile) and returns the exit code (-signal when
    // killed by a signal).
    int wait(int ms = 60000) {
        const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        while (!exited_ && std::chrono::steady_clock::now() < end) {
            pump(50);
            exitedNow();
        }
        pump(0);
        if (!exited_) {
            kill(pid_, SIGKILL);
            waitpid(pid_, &status_, 0);
            exited_ = true;
        }
        return WIFEXITED(status_) ? WEXITSTATUS(status_) : -WTERMSIG(status_);
    }

    const std::string &out() const { return stdout_; }
    const std::string &err() const { return stderr_; }

private:
    bool exitedNow() {
        if (!exited_ && waitpid(pid_, &status_, WNOHANG) == pid_) {
            exited_ = true;
        }
        return exited_;
    }
    void pump(int ms) {
        pollfd p[2] = {{out_, POLLIN, 0}, {err_, POLLIN, 0}};
        poll(p, 2, ms);
        char buf[65536];
        ssize_t n = 0;
        while ((n = read(out_, buf, sizeof buf)) > 0) {
            stdout_.append(buf, static_cast<size_t>(n));
        }
        while ((n = read(err_, buf, sizeof buf)) > 0) {
            stderr_.append(buf, static_cast<size_t>(n));
        }
    }

    pid_t pid_ = -1;
    int out_ = -1, err_ = -1;
    int status_ = 0;
    bool exited_ = false;
    std::string stdout_, stderr_;
};

} // namespace nt::test
