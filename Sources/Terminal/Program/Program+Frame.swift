extension Program {
    /// The frame for `model` at `size`: the program's view, or the "make the window larger" notice
    /// when the window is too small. The runner writes it to the terminal; the stepper keeps it.
    func frame(showing model: Model, size: TerminalSize, theme: Theme) -> Frame {
        var frame = Frame(size: size, background: theme[.normal])
        if size.isUsable {
            view(model, frame: &frame, theme: theme)
        } else {
            frame.cursor = nil
            SizeNotice().render(frame: &frame, theme: theme)
        }
        return frame
    }
}
