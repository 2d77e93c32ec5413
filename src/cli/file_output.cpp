#include "cli/file_output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "convt/error.h"

namespace convt {
namespace {

namespace fs = std::filesystem;

/// The argument "reason" for the system error `error`: a catalogue message for the errors a
/// user meets (missing folder, no permission, a file in the way, a full or read-only disk), so
/// that --lang zh says them in Chinese; the system's own text for any other.
MessageArg reason_of(int error) {
  switch (error) {
    case ENOENT:
      return {"reason", Message{MsgId::kReasonNoSuchPath, {}}};
    case EACCES:
    case EPERM:
      return {"reason", Message{MsgId::kReasonPermission, {}}};
    case ENOTDIR:
      return {"reason", Message{MsgId::kReasonNotFolder, {}}};
    case ENOSPC:
      return {"reason", Message{MsgId::kReasonNoSpace, {}}};
    case EROFS:
      return {"reason", Message{MsgId::kReasonReadOnly, {}}};
    default:
      return {"reason", std::generic_category().message(error)};
  }
}

[[noreturn]] void fail_write(const std::string& path, int error) {
  throw Error({MsgId::kErrOutWrite, {{"path", path}, reason_of(error)}});
}

/// The permissions a new file gets from open(..., 0666): 0666 without the umask's bits.
mode_t file_mode() {
  const mode_t mask = umask(0);  // umask can only be read by setting it
  umask(mask);
  return static_cast<mode_t>(0666 & ~mask);
}

/// Writes `content` to a new temporary file next to `path` and renames it over `path`.
void write_atomically(const std::string& dir, const std::string& name, const std::string& content,
                      mode_t mode) {
  const std::string path = (fs::path(dir) / name).string();
  std::string temp = (fs::path(dir) / ("." + name + ".tmp-XXXXXX")).string();
  const int fd = mkstemp(temp.data());
  if (fd < 0) fail_write(path, errno);
  auto give_up = [&](int error) {
    close(fd);
    unlink(temp.c_str());
    fail_write(path, error);
  };
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) give_up(errno);
    done += static_cast<size_t>(n);
  }
  if (fchmod(fd, mode) != 0) give_up(errno);
  if (fsync(fd) != 0) give_up(errno);
  if (close(fd) != 0) {
    const int error = errno;
    unlink(temp.c_str());
    fail_write(path, error);
  }
  if (rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    unlink(temp.c_str());
    fail_write(path, error);
  }
}

}  // namespace

void check_output_folder(const std::string& dir, bool force) {
  std::error_code ec;
  const fs::file_status status = fs::status(dir, ec);
  if (!fs::exists(status)) return;
  if (!fs::is_directory(status)) throw Error({MsgId::kErrOutNotFolder, {{"dir", dir}}});
  if (force) return;
  if (!fs::is_empty(dir, ec) || ec) throw Error({MsgId::kErrOutNotEmpty, {{"dir", dir}}});
}

void write_figures(const std::string& dir, const std::vector<Figure>& figures) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec)
    throw Error(
        {MsgId::kErrOutCreate,
         {{"dir", dir},
          ec.category() == std::generic_category() || ec.category() == std::system_category()
              ? reason_of(ec.value())
              : MessageArg("reason", ec.message())}});
  if (!fs::is_directory(dir, ec)) throw Error({MsgId::kErrOutNotFolder, {{"dir", dir}}});
  const mode_t mode = file_mode();
  for (const Figure& figure : figures) {
    if (figure.name.empty() || figure.name == "." || figure.name == ".." ||
        figure.name.find('/') != std::string::npos)
      throw std::invalid_argument("write_figures: not a plain file name: " + figure.name);
    write_atomically(dir, figure.name, figure.content, mode);
  }
}

}  // namespace convt
