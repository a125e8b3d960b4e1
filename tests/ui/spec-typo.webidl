// A spec file with two typos: its errors must name this file, the line and
// the column (checked by backend-macros/src/expand.rs).
typedef any AddressValue;

interface Memory {
  AdressValue grow(AddressValue delta);
  readonly attribute ArrayBufer buffer;
};
