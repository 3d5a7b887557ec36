# wasi_thread_start(tid, start_arg), the wasi-threads entry point: a new thread's instance starts with the
# module's initial __stack_pointer, shared with every other thread, so before any C code runs it moves the
# stack pointer to the thread's own stack (the first word of its wt_thread, see wt.c), then calls C.
  .globaltype __stack_pointer, i32
  .functype wt_thread_main (i32, i32) -> ()
  .globl wasi_thread_start
  .export_name wasi_thread_start, wasi_thread_start
  .type wasi_thread_start,@function
wasi_thread_start:
  .functype wasi_thread_start (i32, i32) -> ()
  local.get 1
  i32.load 0
  global.set __stack_pointer
  local.get 0
  local.get 1
  call wt_thread_main
  end_function
