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

[[noreturn]] void fail_write(const std::string& path, const std::string& reason) {
  throw Error({MsgId::kErrOutWrite, {{"path", path}, {"reason", reason}}});
}

std::string reason_of(int error) { return std::generic_category().message(error); }

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
  if (fd < 0) fail_write(path, reason_of(errno));
  auto give_up = [&](int error) {
    close(fd);
    unlink(temp.c_str());
    fail_write(path, reason_of(error));
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
    fail_write(path, reason_of(error));
  }
  if (rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    unlink(temp.c_str());
    fail_write(path, reason_of(error));
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
  if (ec) throw Error({MsgId::kErrOutCreate, {{"dir", dir}, {"reason", ec.message()}}});
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
