import sys
def parse(argv):
    return [arg.upper() for arg in argv]
if __name__ == "__main__":
    import json
    class Report:
        def __init__(self, items):
            self.items = items
        def render(self):
            return json.dumps(self.items)
    def main():
        report = Report(parse(sys.argv[1:]))
        print(report.render())
    main()
