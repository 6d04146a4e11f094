//! Release of off-heap buffers. This binary holds one test, because it reads the
//! process-wide count of live buffers, which other tests running in parallel would change.

use beamlet_vm::heap::Fragment;
use beamlet_vm::offheap::live_buffers;
use beamlet_vm::{binary, Heap, TermAlloc};

#[test]
fn refc_buffers_are_shared_by_sends_and_freed_with_the_last_handle() {
    let (live_before, _) = live_buffers();
    let mut sender = Heap::default();
    let big = vec![42u8; 1 << 16];
    let bin = sender.binary(&big);
    let mut sender_roots = vec![bin];
    assert_eq!(live_buffers().0, live_before + 1);

    // A send copies the handle, not the bytes.
    let (frag, copy) = Fragment::copy_of(bin);
    assert_eq!(live_buffers().0, live_before + 1);
    assert_eq!(
        binary::bytes(copy).unwrap().as_ptr(),
        binary::bytes(bin).unwrap().as_ptr()
    );
    let mut receiver = Heap::default();
    receiver.attach(frag);
    let mut receiver_roots = vec![copy];

    // The sender drops it: still alive in the receiver.
    sender_roots.clear();
    // SAFETY: the roots hold every live term of each heap.
    unsafe { sender.collect(&mut sender_roots, 0) };
    assert_eq!(live_buffers().0, live_before + 1);
    // SAFETY: as above.
    unsafe { receiver.collect(&mut receiver_roots, 0) };
    assert_eq!(binary::bytes(receiver_roots[0]).unwrap(), &big[..]);

    // The receiver drops it: freed by its next collection.
    receiver_roots.clear();
    // SAFETY: as above.
    unsafe { receiver.collect(&mut receiver_roots, 0) };
    assert_eq!(live_buffers().0, live_before);

    // A handle promoted to the old generation is released by the major collection that
    // finds it dead; a dropped heap releases whatever it still lists.
    let b = receiver.binary(&big);
    let mut roots = vec![b];
    // SAFETY: as above.
    unsafe {
        receiver.collect(&mut roots, 0);
        receiver.collect(&mut roots, 0);
    }
    assert_eq!(receiver.off_heap_handles(), (0, 1), "promoted");
    roots.clear();
    // SAFETY: as above.
    unsafe { receiver.collect_major(&mut roots, 0) };
    assert_eq!(live_buffers().0, live_before);
    let _ = receiver.binary(&big);
    drop(receiver);
    let (frag, _) = Fragment::copy_of(sender.binary(&big));
    drop(frag);
    drop(sender);
    assert_eq!(live_buffers().0, live_before);
}
