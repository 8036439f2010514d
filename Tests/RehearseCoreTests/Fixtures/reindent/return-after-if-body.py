class Inventory:
    def __init__(self, stock):
        self.stock = dict(stock)
    def take(self, item, count):
        if self.stock.get(item, 0) >= count:
            self.stock[item] -= count
            return True
        return False
    def first_empty(self):
        for item, count in self.stock.items():
            if count == 0:
                print("empty:", item)
                return item
        return None
