#include "walwritebatching.h"

#include <sqlite3.h>

#include <atomic>
#include <cstdlib>
#include <cstring>

namespace {

constexpr char vfsName[] = "qanban-wal-batching";
// Room for a command's frames many times over; a longer run of writes is handed on in
// pieces of this size.
constexpr int bufferCapacity = 64 * 1024;
// A frame header is 24 bytes (the WAL header is 32, a page at least 512); its bytes 4-7
// are the database size in pages after a commit, and zero in every other frame.
constexpr int frameHeaderSize = 24;

sqlite3_vfs *underlying = nullptr;
sqlite3_vfs batchingVfs;
std::atomic<qint64> requestedWrites{0};
std::atomic<qint64> issuedWrites{0};

// SQLite allocates vfs.szOsFile bytes per open file: this header, then the underlying
// VFS's own file right after it.
struct BatchingFile {
    sqlite3_file base;
    sqlite3_file *inner;
    bool isWal;
    bool commitFramePending; // the header of a commit frame was written, its page not yet
    char *buffer;            // gathered writes, contiguous from bufferStart
    int buffered;
    sqlite3_int64 bufferStart;
};

BatchingFile *batching(sqlite3_file *file)
{
    return reinterpret_cast<BatchingFile *>(file);
}

const sqlite3_io_methods &innerMethods(BatchingFile *file)
{
    return *file->inner->pMethods;
}

int flush(BatchingFile *file)
{
    if (file->buffered == 0)
        return SQLITE_OK;
    const int size = file->buffered;
    file->buffered = 0;
    ++issuedWrites;
    return innerMethods(file).xWrite(file->inner, file->buffer, size, file->bufferStart);
}

int fileClose(sqlite3_file *file)
{
    BatchingFile *self = batching(file);
    const int flushed = flush(self);
    const int closed = innerMethods(self).xClose(self->inner);
    std::free(self->buffer);
    self->buffer = nullptr;
    return flushed != SQLITE_OK ? flushed : closed;
}

int fileRead(sqlite3_file *file, void *data, int amount, sqlite3_int64 offset)
{
    BatchingFile *self = batching(file);
    if (const int rc = flush(self); rc != SQLITE_OK)
        return rc;
    return innerMethods(self).xRead(self->inner, data, amount, offset);
}

int fileWrite(sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset)
{
    BatchingFile *self = batching(file);
    if (!self->isWal)
        return innerMethods(self).xWrite(self->inner, data, amount, offset);
    ++requestedWrites;
    const bool continues = offset == self->bufferStart + self->buffered;
    if (self->buffered > 0 && (!continues || self->buffered + amount > bufferCapacity)) {
        if (const int rc = flush(self); rc != SQLITE_OK)
            return rc;
    }
    if (amount > bufferCapacity) {
        ++issuedWrites;
        return innerMethods(self).xWrite(self->inner, data, amount, offset);
    }
    if (self->buffered == 0)
        self->bufferStart = offset;
    std::memcpy(self->buffer + self->buffered, data, size_t(amount));
    self->buffered += amount;
    if (amount == frameHeaderSize) {
        const auto *header = static_cast<const unsigned char *>(data);
        self->commitFramePending = (header[4] | header[5] | header[6] | header[7]) != 0;
        return SQLITE_OK;
    }
    if (self->commitFramePending) {
        self->commitFramePending = false;
        return flush(self);
    }
    return SQLITE_OK;
}

int fileTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    BatchingFile *self = batching(file);
    if (const int rc = flush(self); rc != SQLITE_OK)
        return rc;
    return innerMethods(self).xTruncate(self->inner, size);
}

int fileSync(sqlite3_file *file, int flags)
{
    BatchingFile *self = batching(file);
    if (const int rc = flush(self); rc != SQLITE_OK)
        return rc;
    return innerMethods(self).xSync(self->inner, flags);
}

int fileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    BatchingFile *self = batching(file);
    if (const int rc = flush(self); rc != SQLITE_OK)
        return rc;
    return innerMethods(self).xFileSize(self->inner, size);
}

int fileLock(sqlite3_file *file, int level)
{
    BatchingFile *self = batching(file);
    return innerMethods(self).xLock(self->inner, level);
}

int fileUnlock(sqlite3_file *file, int level)
{
    BatchingFile *self = batching(file);
    return innerMethods(self).xUnlock(self->inner, level);
}

int fileCheckReservedLock(sqlite3_file *file, int *result)
{
    BatchingFile *self = batching(file);
    return innerMethods(self).xCheckReservedLock(self->inner, result);
}

int fileControl(sqlite3_file *file, int op, void *argument)
{
    BatchingFile *self = batching(file);
    if (const int rc = flush(self); rc != SQLITE_OK)
        return rc;
    return innerMethods(self).xFileControl(self->inner, op, argument);
}

int fileSectorSize(sqlite3_file *file)
{
    BatchingFile *self = batching(file);
    return innerMethods(self).xSectorSize(self->inner);
}

int fileDeviceCharacteristics(sqlite3_file *file)
{
    BatchingFile *self = batching(file);
    return innerMethods(self).xDeviceCharacteristics(self->inner);
}

int fileShmMap(sqlite3_file *file, int region, int size, int extend, void volatile **mapped)
{
    BatchingFile *self = batching(file);
    return innerMethods(self).xShmMap(self->inner, region, size, extend, mapped);
}

int fileShmLock(sqlite3_file *file, int offset, int count, int flags)
{
    BatchingFile *self = batching(file);
    return innerMethods(self).xShmLock(self->inner, offset, count, flags);
}

void fileShmBarrier(sqlite3_file *file)
{
    BatchingFile *self = batching(file);
    innerMethods(self).xShmBarrier(self->inner);
}

int fileShmUnmap(sqlite3_file *file, int deleteFlag)
{
    BatchingFile *self = batching(file);
    return innerMethods(self).xShmUnmap(self->inner, deleteFlag);
}

int fileFetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **pointer)
{
    BatchingFile *self = batching(file);
    if (const int rc = flush(self); rc != SQLITE_OK)
        return rc;
    return innerMethods(self).xFetch(self->inner, offset, amount, pointer);
}

int fileUnfetch(sqlite3_file *file, sqlite3_int64 offset, void *pointer)
{
    BatchingFile *self = batching(file);
    return innerMethods(self).xUnfetch(self->inner, offset, pointer);
}

constexpr sqlite3_io_methods methodsOfVersion(int version)
{
    return {version,          fileClose,      fileRead,         fileWrite,
            fileTruncate,     fileSync,       fileSize,         fileLock,
            fileUnlock,       fileCheckReservedLock, fileControl, fileSectorSize,
            fileDeviceCharacteristics, fileShmMap, fileShmLock, fileShmBarrier,
            fileShmUnmap,     fileFetch,      fileUnfetch};
}

// SQLite calls no method beyond the version a file declares: each file declares the
// version of the file it wraps.
constexpr sqlite3_io_methods methodsV1 = methodsOfVersion(1);
constexpr sqlite3_io_methods methodsV2 = methodsOfVersion(2);
constexpr sqlite3_io_methods methodsV3 = methodsOfVersion(3);

int vfsOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    BatchingFile *self = batching(file);
    std::memset(self, 0, sizeof(BatchingFile));
    self->inner = reinterpret_cast<sqlite3_file *>(self + 1);
    if (flags & SQLITE_OPEN_WAL) {
        self->buffer = static_cast<char *>(std::malloc(bufferCapacity));
        if (!self->buffer)
            return SQLITE_NOMEM;
        self->isWal = true;
    }
    const int rc = underlying->xOpen(underlying, name, self->inner, flags, outFlags);
    if (rc != SQLITE_OK || !self->inner->pMethods) {
        // SQLite calls no method, not even xClose, of a file whose pMethods is null.
        std::free(self->buffer);
        file->pMethods = nullptr;
        return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
    }
    const int version = self->inner->pMethods->iVersion;
    file->pMethods = version >= 3 ? &methodsV3 : version == 2 ? &methodsV2 : &methodsV1;
    return SQLITE_OK;
}

// The rest of the VFS is the underlying one's, called with its own pointer.
int vfsDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    return underlying->xDelete(underlying, name, syncDir);
}

int vfsAccess(sqlite3_vfs *, const char *name, int flags, int *result)
{
    return underlying->xAccess(underlying, name, flags, result);
}

int vfsFullPathname(sqlite3_vfs *, const char *name, int size, char *out)
{
    return underlying->xFullPathname(underlying, name, size, out);
}

void *vfsDlOpen(sqlite3_vfs *, const char *name)
{
    return underlying->xDlOpen(underlying, name);
}

void vfsDlError(sqlite3_vfs *, int size, char *message)
{
    underlying->xDlError(underlying, size, message);
}

void (*vfsDlSym(sqlite3_vfs *, void *handle, const char *symbol))(void)
{
    return underlying->xDlSym(underlying, handle, symbol);
}

void vfsDlClose(sqlite3_vfs *, void *handle)
{
    underlying->xDlClose(underlying, handle);
}

int vfsRandomness(sqlite3_vfs *, int size, char *out)
{
    return underlying->xRandomness(underlying, size, out);
}

int vfsSleep(sqlite3_vfs *, int microseconds)
{
    return underlying->xSleep(underlying, microseconds);
}

int vfsCurrentTime(sqlite3_vfs *, double *now)
{
    return underlying->xCurrentTime(underlying, now);
}

int vfsGetLastError(sqlite3_vfs *, int size, char *message)
{
    return underlying->xGetLastError ? underlying->xGetLastError(underlying, size, message) : 0;
}

int vfsCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *now)
{
    return underlying->xCurrentTimeInt64(underlying, now);
}

bool registerVfs()
{
    underlying = sqlite3_vfs_find(nullptr);
    if (!underlying)
        return false;
    batchingVfs = sqlite3_vfs{};
    // Version 2 at most: the system-call hooks of version 3 belong to the Unix VFS and
    // are reached through it.
    batchingVfs.iVersion = underlying->iVersion >= 2 && underlying->xCurrentTimeInt64 ? 2 : 1;
    batchingVfs.szOsFile = int(sizeof(BatchingFile)) + underlying->szOsFile;
    batchingVfs.mxPathname = underlying->mxPathname;
    batchingVfs.zName = vfsName;
    batchingVfs.xOpen = vfsOpen;
    batchingVfs.xDelete = vfsDelete;
    batchingVfs.xAccess = vfsAccess;
    batchingVfs.xFullPathname = vfsFullPathname;
    batchingVfs.xDlOpen = vfsDlOpen;
    batchingVfs.xDlError = vfsDlError;
    batchingVfs.xDlSym = vfsDlSym;
    batchingVfs.xDlClose = vfsDlClose;
    batchingVfs.xRandomness = vfsRandomness;
    batchingVfs.xSleep = vfsSleep;
    batchingVfs.xCurrentTime = vfsCurrentTime;
    batchingVfs.xGetLastError = vfsGetLastError;
    batchingVfs.xCurrentTimeInt64 = vfsCurrentTimeInt64;
    return sqlite3_vfs_register(&batchingVfs, 1) == SQLITE_OK;
}

} // namespace

bool WalWriteBatching::install()
{
    // A function-local static: registered once, even when threads race to open boards.
    static const bool installed = registerVfs();
    return installed;
}

bool WalWriteBatching::isInstalled()
{
    sqlite3_vfs *current = sqlite3_vfs_find(nullptr);
    return current && std::strcmp(current->zName, vfsName) == 0;
}

WalWriteBatching::Counts WalWriteBatching::counts()
{
    return {requestedWrites.load(), issuedWrites.load()};
}
