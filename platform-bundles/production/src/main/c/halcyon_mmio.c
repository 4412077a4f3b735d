/*
 * The production platform's native library (io.halcyon.platform.production.Mmio): maps device windows
 * (sysfs resourceN, UIO maps), allocates pinned DMA memory, waits for UIO interrupts, and runs the
 * benchmark's raw C loop. It also has the four register accesses as JNI methods, each one volatile load or
 * store of the register's width (gcc emits one mov: no read before a write, no split of an aligned 64-bit
 * access): DeviceAccess issues the accesses from Java and uses these only where it cannot, or when told to.
 *
 * Ordering: device mappings (sysfs resourceN, UIO maps) are uncached, and x86-64 keeps uncached accesses
 * in program order; the asm barrier keeps gcc from moving accesses across each other. Other architectures
 * would need a device barrier here (and in DeviceAccess), hence the #error.
 */
#include <jni.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#if !defined(__x86_64__)
#error "halcyon_mmio: only x86-64 is supported (other architectures need device memory barriers)"
#endif

#define BARRIER() __asm__ __volatile__("" ::: "memory")

static void throw_io(JNIEnv *env, const char *what, const char *path, int err) {
    char message[512];
    snprintf(message, sizeof message, "%s %s: %s", what, path, strerror(err));
    jclass io = (*env)->FindClass(env, "java/io/IOException");
    if (io != NULL) {
        (*env)->ThrowNew(env, io, message);
    }
}

/* Maps length bytes of path from offset, shared, read-write; returns the address. */
JNIEXPORT jlong JNICALL Java_io_halcyon_platform_production_Mmio_map(JNIEnv *env, jclass c, jstring jpath,
        jlong offset, jlong length) {
    const char *path = (*env)->GetStringUTFChars(env, jpath, NULL);
    if (path == NULL) {
        return 0;
    }
    int fd = open(path, O_RDWR | O_SYNC | O_CLOEXEC);
    if (fd < 0) {
        throw_io(env, "cannot open", path, errno);
        (*env)->ReleaseStringUTFChars(env, jpath, path);
        return 0;
    }
    void *p = mmap(NULL, (size_t) length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, (off_t) offset);
    int err = errno;
    close(fd); /* the mapping keeps what it needs */
    if (p == MAP_FAILED) {
        throw_io(env, "cannot map", path, err);
        p = NULL;
    }
    (*env)->ReleaseStringUTFChars(env, jpath, path);
    return (jlong) (uintptr_t) p;
}

JNIEXPORT void JNICALL Java_io_halcyon_platform_production_Mmio_unmap(JNIEnv *env, jclass c, jlong address, jlong length) {
    munmap((void *) (uintptr_t) address, (size_t) length);
}

/* The four register accesses as JNI methods (DeviceAccess's way out): each one volatile load or store. */
static inline uint32_t access_read32(uint64_t address) {
    BARRIER();
    uint32_t v = *(volatile uint32_t *) (uintptr_t) address;
    BARRIER();
    return v;
}

static inline uint64_t access_read64(uint64_t address) {
    BARRIER();
    uint64_t v = *(volatile uint64_t *) (uintptr_t) address;
    BARRIER();
    return v;
}

static inline void access_write32(uint64_t address, uint32_t value) {
    BARRIER();
    *(volatile uint32_t *) (uintptr_t) address = value;
    BARRIER();
}

static inline void access_write64(uint64_t address, uint64_t value) {
    BARRIER();
    *(volatile uint64_t *) (uintptr_t) address = value;
    BARRIER();
}

JNIEXPORT jint JNICALL Java_io_halcyon_platform_production_Mmio_read32(JNIEnv *env, jclass c, jlong address) {
    return (jint) access_read32((uint64_t) address);
}

JNIEXPORT jlong JNICALL Java_io_halcyon_platform_production_Mmio_read64(JNIEnv *env, jclass c, jlong address) {
    return (jlong) access_read64((uint64_t) address);
}

JNIEXPORT void JNICALL Java_io_halcyon_platform_production_Mmio_write32(JNIEnv *env, jclass c, jlong address, jint value) {
    access_write32((uint64_t) address, (uint32_t) value);
}

JNIEXPORT void JNICALL Java_io_halcyon_platform_production_Mmio_write64(JNIEnv *env, jclass c, jlong address, jlong value) {
    access_write64((uint64_t) address, (uint64_t) value);
}

/*
 * The benchmark's floor: count 32-bit stores (values start, start+1, ...) or loads of one register in a C
 * loop on the mapping, with no JNI crossing per access: what a C program compiled with -O2 does, one mov
 * per access. Loads are summed into a sink, as the HAL's benchmark loop sums what it reads, so both sides
 * consume the values alike. Returns the nanoseconds taken.
 */
static volatile uint32_t raw_loop_sink;

JNIEXPORT jlong JNICALL Java_io_halcyon_platform_production_Mmio_rawLoop(JNIEnv *env, jclass c, jlong address,
        jint count, jboolean write, jint start) {
    struct timespec t0, t1;
    volatile uint32_t *reg = (volatile uint32_t *) (uintptr_t) address;
    uint32_t sum = 0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (jint i = 0; i < count; i++) {
        if (write) {
            *reg = (uint32_t) (start + i);
        } else {
            sum += *reg;
        }
        BARRIER();
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    raw_loop_sink = sum;
    return (jlong) (t1.tv_sec - t0.tv_sec) * 1000000000L + (t1.tv_nsec - t0.tv_nsec);
}

/*
 * Host memory a device can reach by DMA: anonymous pages, locked (they never move or swap while mapped),
 * zeroed. Their bus addresses (without an IOMMU, the physical addresses) come from physicalAddress.
 */
JNIEXPORT jlong JNICALL Java_io_halcyon_platform_production_Mmio_allocatePinned(JNIEnv *env, jclass c, jlong bytes) {
    void *p = mmap(NULL, (size_t) bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_LOCKED | MAP_POPULATE,
            -1, 0);
    if (p == MAP_FAILED) {
        throw_io(env, "cannot allocate locked memory for DMA,", "anonymous pages", errno);
        return 0;
    }
    memset(p, 0, (size_t) bytes);
    return (jlong) (uintptr_t) p;
}

/* The physical address of the byte at address, from /proc/self/pagemap (root only: others read 0 PFNs). */
JNIEXPORT jlong JNICALL Java_io_halcyon_platform_production_Mmio_physicalAddress(JNIEnv *env, jclass c, jlong address) {
    long page = sysconf(_SC_PAGESIZE);
    int fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        throw_io(env, "cannot open", "/proc/self/pagemap", errno);
        return 0;
    }
    uint64_t entry = 0;
    ssize_t n = pread(fd, &entry, sizeof entry, (off_t) ((uint64_t) address / page * sizeof entry));
    int err = errno;
    close(fd);
    if (n != sizeof entry) {
        throw_io(env, "cannot read", "/proc/self/pagemap", n < 0 ? err : EIO);
        return 0;
    }
    uint64_t pfn = entry & ((1ULL << 55) - 1);
    if (!(entry & (1ULL << 63)) || pfn == 0) {
        return -1; /* not present, or hidden from a process without CAP_SYS_ADMIN */
    }
    return (jlong) (pfn * page + (uint64_t) address % page);
}

JNIEXPORT jobject JNICALL Java_io_halcyon_platform_production_Mmio_buffer(JNIEnv *env, jclass c, jlong address, jlong bytes) {
    return (*env)->NewDirectByteBuffer(env, (void *) (uintptr_t) address, bytes);
}

/*
 * Waits at most timeoutMillis for an interrupt of a UIO device (fd open on /dev/uioN): a blocking read
 * of its 32-bit event count, guarded by poll so the wait is bounded. Returns the event count, or -1 when
 * the time passed first.
 */
JNIEXPORT jint JNICALL Java_io_halcyon_platform_production_Mmio_awaitInterrupt(JNIEnv *env, jclass c, jint fd,
        jint timeoutMillis) {
    struct pollfd p = {.fd = fd, .events = POLLIN};
    int ready = poll(&p, 1, timeoutMillis);
    if (ready < 0) {
        throw_io(env, "cannot wait for an interrupt on", "the UIO device", errno);
        return -1;
    }
    if (ready == 0) {
        return -1;
    }
    uint32_t count = 0;
    if (read(fd, &count, sizeof count) != sizeof count) {
        throw_io(env, "cannot read the interrupt count of", "the UIO device", errno);
        return -1;
    }
    return (jint) count;
}

/* Opens /dev/uioN for interrupts; returns the descriptor. */
JNIEXPORT jint JNICALL Java_io_halcyon_platform_production_Mmio_openInterrupts(JNIEnv *env, jclass c, jstring jpath) {
    const char *path = (*env)->GetStringUTFChars(env, jpath, NULL);
    if (path == NULL) {
        return -1;
    }
    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        throw_io(env, "cannot open", path, errno);
    }
    (*env)->ReleaseStringUTFChars(env, jpath, path);
    return fd;
}

/* Unmasks the device's interrupt again (uio_pci_generic masks it in its handler until software writes 1). */
JNIEXPORT void JNICALL Java_io_halcyon_platform_production_Mmio_enableInterrupts(JNIEnv *env, jclass c, jint fd) {
    uint32_t one = 1;
    if (write(fd, &one, sizeof one) != sizeof one) {
        throw_io(env, "cannot unmask interrupts of", "the UIO device", errno);
    }
}

JNIEXPORT void JNICALL Java_io_halcyon_platform_production_Mmio_close(JNIEnv *env, jclass c, jint fd) {
    close(fd);
}
