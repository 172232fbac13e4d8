/// One item as get_wch returns it: a character code, or a curses key code.
enum RawInput: Sendable, Hashable {
    case character(UInt32)
    case keyCode(Int32)
    case mouse(MouseEvent)
    case resize
}
