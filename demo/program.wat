;; The demo's bundled Wasm program: it uses imported functions and globals,
;; its own memory, a table of functions and exported globals.
(module
  (import "host" "print" (func $print (param i32 i32)))
  (import "host" "square" (func $square (param i64) (result i64)))
  (import "host" "visits" (global $visits (mut i32)))

  (memory (export "memory") 1)
  (global $calls (export "calls") (mut i32) (i32.const 0))
  (global (export "answer") i64 (i64.const 42))

  (type $binop (func (param i32 i32) (result i32)))
  (table (export "ops") 4 funcref)
  (elem (i32.const 0) $add $sub $mul $div)
  (func $add (type $binop) (i32.add (local.get 0) (local.get 1)))
  (func $sub (type $binop) (i32.sub (local.get 0) (local.get 1)))
  (func $mul (type $binop) (i32.mul (local.get 0) (local.get 1)))
  (func $div (type $binop) (i32.div_s (local.get 0) (local.get 1)))

  (func $count
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (global.set $visits (i32.add (global.get $visits) (i32.const 1))))

  ;; ops[op](a, b)
  (func (export "apply") (param $op i32) (param $a i32) (param $b i32) (result i32)
    (call $count)
    (call_indirect (type $binop) (local.get $a) (local.get $b) (local.get $op)))

  ;; The n-th Fibonacci number, iteratively, in i64.
  (func (export "fib") (param $n i32) (result i64)
    (local $a i64) (local $b i64) (local $t i64)
    (call $count)
    (local.set $b (i64.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $t (i64.add (local.get $a) (local.get $b)))
        (local.set $a (local.get $b))
        (local.set $b (local.get $t))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $a))

  ;; Upper-cases the ASCII text at [ptr, ptr+len) in place, then prints it.
  (func (export "shout") (param $ptr i32) (param $len i32)
    (local $i i32) (local $c i32)
    (call $count)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $c (i32.load8_u (i32.add (local.get $ptr) (local.get $i))))
        (if (i32.and (i32.ge_u (local.get $c) (i32.const 97)) (i32.le_u (local.get $c) (i32.const 122)))
          (then (i32.store8 (i32.add (local.get $ptr) (local.get $i)) (i32.sub (local.get $c) (i32.const 32)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (call $print (local.get $ptr) (local.get $len)))

  ;; The sum of squares 1..n, each squared by the host.
  (func (export "sum_of_squares") (param $n i64) (result i64)
    (local $sum i64)
    (call $count)
    (block $done
      (loop $next
        (br_if $done (i64.eqz (local.get $n)))
        (local.set $sum (i64.add (local.get $sum) (call $square (local.get $n))))
        (local.set $n (i64.sub (local.get $n) (i64.const 1)))
        (br $next)))
    (local.get $sum)))
